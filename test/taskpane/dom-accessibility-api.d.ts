/**
 * dom-accessibility-api (installed with @testing-library/dom) ships types its package "exports" do not
 * expose under moduleResolution "Bundler"; this declares the one function the pane tests use.
 */
declare module "dom-accessibility-api" {
  export function computeAccessibleName(
    element: Element,
    options?: { getComputedStyle?: (element: Element, pseudoElement?: string) => CSSStyleDeclaration },
  ): string;
}
