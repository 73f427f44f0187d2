/**
 * The only way the admin builds DOM: elements from tag, attributes and children, where every string child
 * becomes a text node. Data never passes through innerHTML, so posting text containing markup shows as text.
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

type EventHandler = (event: Event) => void;

/** Attribute values; `on<event>` keys take listeners, `false`/`null`/`undefined` leave the attribute out. */
export type Attributes = Record<string, string | number | boolean | null | undefined | EventHandler>;

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Attributes | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  applyAttributes(element, attributes);
  append(element, children);
  return element;
}

/** SVG elements need their namespace; otherwise the same rules as `el`. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes?: Attributes | null,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NAMESPACE, tag);
  applyAttributes(element, attributes);
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `parent` with `children`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

function applyAttributes(element: Element, attributes: Attributes | null | undefined): void {
  if (!attributes) return;
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') {
      if (!name.startsWith('on')) throw new Error(`Listener given for attribute ${name}`);
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      if (name.toLowerCase().startsWith('on')) throw new Error(`Inline handler attribute ${name} refused`);
      element.setAttribute(name, String(value));
    }
  }
}
