import type {} from 'article-card/types/vue';
