export * from './review.ports';
export * from './review.service';
export * from './suggest-action';
