// Runes mode for every component: the example shows Svelte 5's own forms ($state, onclick=…).
export default {
  compilerOptions: { runes: true },
};
