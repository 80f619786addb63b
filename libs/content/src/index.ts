export * from './schema.js';
export * from './load.js';
export * from './check.js';
export * from './grading/quiz.js';
export * from './grading/prompt.js';
export * from './grading/review.js';
