/** The smaller benches' command line (bench/run.ts has its own parser, args.ts): `--name value` options and bare `--flag`s. */

/** The value after `--name`, or the fallback when the option (or its value) is not given. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** A numeric `--name value`. */
export const numArg = (name: string, fallback: number): number => Number(arg(name, String(fallback)));

export const hasFlag = (name: string): boolean => process.argv.includes(`--${name}`);
