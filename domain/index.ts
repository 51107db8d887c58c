export * from './entities';
export * from './relationships';
export * from './changes';
export * from './graph';
export * from './events';
export * from './jobs';
export * from './privacy';
export * from './workshops';
