// Vite's `?inline` CSS imports (the display's stylesheets as text, for the preview frame): the
// project's tsconfig does not load vite/client, which declares them.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
