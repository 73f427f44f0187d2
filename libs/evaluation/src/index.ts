export * from './eval-cases/eval-case';
export * from './scoring/score-case';
export * from './scoring/summarise-scores';
