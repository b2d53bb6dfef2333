// Defines <article-card> first, then the app's own element that renders the cards.
import 'article-card';
import './card-demo';
