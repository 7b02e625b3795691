// A `.md` import is the file's text: esbuild's text loader in the bundles, scripts/loaders/text.mjs from source.
declare module '*.md' {
  const text: string;
  export default text;
}
