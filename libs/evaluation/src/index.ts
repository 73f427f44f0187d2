export * from './eval-cases/eval-case';
export * from './scoring/score-case';
export * from './scoring/summarise-scores';
export * from './titles/title-cases';
export * from './titles/title-accuracy';
