/**
 * Attribute patterns from servers, matched without ever throwing or hanging.
 *
 * A server's `pattern` is untrusted input: JavaScript's backtracking RegExp takes exponential time
 * on patterns such as `(a|a)*b`, and nothing in the library can interrupt it. So patterns are
 * parsed here and run on a Thompson-style automaton (a set of states per input character): time
 * is bounded by pattern size times input length, and both are capped.
 *
 * The dialect is what the surveyed servers send: POSIX ERE (the 1.1/1.2 text renderings), Ruby
 * regular expressions rendered with `Regexp#to_s`, e.g. `(?-mix:^(x86|x64)$)` (rOCCI-core 5), and
 * the common ECMAScript/PCRE escapes (JSON Schema patterns). Back-references, look-around and
 * possessive quantifiers change what a pattern accepts in ways an automaton cannot follow: such a
 * pattern is reported as unsupported (null), and callers skip the check rather than guess.
 */

/** Longest pattern source accepted, in code points. */
const MAX_SOURCE = 2000;
/** Most automaton instructions a pattern may compile to (bounded repetition multiplies). */
const MAX_PROGRAM = 4000;
/** Most (instruction x input position) steps one test may take. */
const MAX_WORK = 4_000_000;

type Predicate = (codePoint: number) => boolean;

type Node =
  | { readonly t: 'literal'; readonly cp: number; readonly ignoreCase: boolean }
  | { readonly t: 'set'; readonly pred: Predicate }
  | { readonly t: 'seq'; readonly items: readonly Node[] }
  | { readonly t: 'alt'; readonly items: readonly Node[] }
  | { readonly t: 'repeat'; readonly node: Node; readonly min: number; readonly max: number }
  | { readonly t: 'assert'; readonly kind: AssertKind };

type AssertKind = 'start' | 'end' | 'word-boundary' | 'not-word-boundary';

interface Flags {
  readonly ignoreCase: boolean;
  readonly dotAll: boolean;
}

class Unsupported extends Error {}

function fail(): never {
  throw new Unsupported();
}

function singleCharTest(re: RegExp): Predicate {
  return (cp) => re.test(String.fromCodePoint(cp));
}

// Ruby's POSIX bracket classes are Unicode-aware on UTF-8 strings; being as liberal here only
// ever accepts more than a strict C-locale ERE engine would.
const POSIX_CLASSES: ReadonlyMap<string, Predicate> = new Map<string, Predicate>([
  ['alpha', singleCharTest(/^[\p{L}\p{M}]$/u)],
  ['digit', singleCharTest(/^\p{Nd}$/u)],
  ['alnum', singleCharTest(/^[\p{L}\p{M}\p{Nd}]$/u)],
  ['upper', singleCharTest(/^\p{Lu}$/u)],
  ['lower', singleCharTest(/^\p{Ll}$/u)],
  ['space', singleCharTest(/^\s$/u)],
  ['blank', singleCharTest(/^[\t\p{Zs}]$/u)],
  ['punct', singleCharTest(/^[\p{P}\p{S}]$/u)],
  ['cntrl', singleCharTest(/^\p{Cc}$/u)],
  ['xdigit', singleCharTest(/^[0-9A-Fa-f]$/)],
  ['word', singleCharTest(/^[\p{L}\p{M}\p{Nd}\p{Pc}]$/u)],
  ['graph', singleCharTest(/^[^\s\p{Cc}\p{Cn}]$/u)],
  ['print', singleCharTest(/^[^\p{Cc}\p{Cn}]$/u)],
  ['ascii', (cp) => cp < 0x80],
]);

const isDigit: Predicate = (cp) => cp >= 0x30 && cp <= 0x39;
const isWord: Predicate = (cp) =>
  isDigit(cp) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;
const isSpace: Predicate = (cp) => cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
const isHex: Predicate = (cp) => isDigit(cp) || (cp >= 0x41 && cp <= 0x46) || (cp >= 0x61 && cp <= 0x66);
const isLineBreak: Predicate = (cp) => cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029;

function not(pred: Predicate): Predicate {
  return (cp) => !pred(cp);
}

/** Escapes that stand for a class of characters, in and outside brackets. */
const CLASS_ESCAPES: ReadonlyMap<string, Predicate> = new Map<string, Predicate>([
  ['d', isDigit],
  ['D', not(isDigit)],
  ['w', isWord],
  ['W', not(isWord)],
  ['s', isSpace],
  ['S', not(isSpace)],
  // Ruby's hex-digit escapes.
  ['h', isHex],
  ['H', not(isHex)],
]);

const CONTROL_ESCAPES: ReadonlyMap<string, number> = new Map([
  ['n', 0x0a],
  ['t', 0x09],
  ['r', 0x0d],
  ['f', 0x0c],
  ['v', 0x0b],
  ['e', 0x1b],
  ['a', 0x07],
  ['0', 0x00],
]);

function foldCase(cp: number): number[] {
  const ch = String.fromCodePoint(cp);
  const lower = ch.toLowerCase().codePointAt(0) ?? cp;
  const upper = ch.toUpperCase().codePointAt(0) ?? cp;
  return [cp, lower, upper];
}

function ignoringCase(pred: Predicate): Predicate {
  return (cp) => foldCase(cp).some(pred);
}

class Parser {
  private readonly cps: readonly number[];
  private pos = 0;

  constructor(source: string) {
    this.cps = Array.from(source, (ch) => ch.codePointAt(0) ?? 0);
  }

  parse(flags: Flags): Node {
    const node = this.parseAlternation(flags);
    if (this.pos < this.cps.length) fail(); // an unbalanced `)`
    return node;
  }

  private peek(offset = 0): string | undefined {
    const cp = this.cps[this.pos + offset];
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  }

  private next(): string {
    const ch = this.peek();
    if (ch === undefined) fail();
    this.pos += 1;
    return ch;
  }

  private eat(ch: string): boolean {
    if (this.peek() === ch) {
      this.pos += 1;
      return true;
    }
    return false;
  }

  private parseAlternation(initial: Flags): Node {
    const branches: Node[] = [];
    // An inline `(?i)` holds to the end of the enclosing group, across later branches too.
    let flags = initial;
    for (;;) {
      const [branch, after] = this.parseSequence(flags);
      branches.push(branch);
      flags = after;
      if (!this.eat('|')) break;
    }
    return branches.length === 1 ? (branches[0] as Node) : { t: 'alt', items: branches };
  }

  private parseSequence(initial: Flags): [Node, Flags] {
    const items: Node[] = [];
    let flags = initial;
    for (;;) {
      const ch = this.peek();
      if (ch === undefined || ch === '|' || ch === ')') break;
      if (ch === '(' && this.peek(1) === '?' && this.isInlineFlagsOnly()) {
        flags = this.parseInlineFlags(flags);
        continue;
      }
      const atom = this.parseAtom(flags);
      items.push(this.parseQuantifiers(atom));
    }
    return [items.length === 1 ? (items[0] as Node) : { t: 'seq', items }, flags];
  }

  private parseQuantifiers(atom: Node): Node {
    let node = atom;
    let quantified = false;
    for (;;) {
      const ch = this.peek();
      let min: number;
      let max: number;
      if (ch === '*') {
        min = 0;
        max = Number.POSITIVE_INFINITY;
        this.pos += 1;
      } else if (ch === '+') {
        min = 1;
        max = Number.POSITIVE_INFINITY;
        this.pos += 1;
      } else if (ch === '?') {
        min = 0;
        max = 1;
        this.pos += 1;
      } else if (ch === '{') {
        const bounds = this.parseBraces();
        if (bounds === null) return node; // `{` that is not a quantifier is a literal
        [min, max] = bounds;
      } else {
        return node;
      }
      if (quantified) fail(); // `a**`: undefined in ERE, a syntax error elsewhere
      if (node.t === 'assert') fail();
      quantified = true;
      // A lazy `?` accepts the same strings; a possessive `+` (Ruby, Java) does not.
      if (!this.eat('?') && this.peek() === '+') fail();
      node = { t: 'repeat', node, min, max };
    }
  }

  /** `{n}`, `{n,}`, `{n,m}` (and `{,m}` as Ruby reads it), or null when the brace is a literal. */
  private parseBraces(): [number, number] | null {
    const rest = String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 24));
    const match = /^\{(\d{0,6})(,(\d{0,6}))?\}/.exec(rest);
    if (match === null) return null;
    const [whole, low, comma, high] = match;
    if (low === '' && (comma === undefined || high === '')) return null;
    const min = low === '' || low === undefined ? 0 : Number(low);
    const max = comma === undefined ? min : high === '' || high === undefined ? Number.POSITIVE_INFINITY : Number(high);
    if (max < min) fail();
    this.pos += Array.from(whole).length;
    return [min, max];
  }

  private isInlineFlagsOnly(): boolean {
    // `(?i)`, `(?i-m)`: flags with no `:` body.
    let i = this.pos + 2;
    for (;;) {
      const cp = this.cps[i];
      if (cp === undefined) return false;
      const ch = String.fromCodePoint(cp);
      if (ch === ')') return i > this.pos + 2;
      if (!/[imsx-]/.test(ch)) return false;
      i += 1;
    }
  }

  private parseInlineFlags(flags: Flags): Flags {
    this.pos += 2; // `(?`
    let on = true;
    let result = flags;
    for (;;) {
      const ch = this.next();
      if (ch === ')') return result;
      if (ch === '-') on = false;
      else result = applyFlag(result, ch, on);
    }
  }

  private parseAtom(flags: Flags): Node {
    const ch = this.next();
    switch (ch) {
      case '(':
        return this.parseGroup(flags);
      case '[':
        return this.parseBracket(flags);
      case '.':
        return { t: 'set', pred: flags.dotAll ? () => true : not(isLineBreak) };
      case '^':
        return { t: 'assert', kind: 'start' };
      case '$':
        return { t: 'assert', kind: 'end' };
      case '\\':
        return this.parseEscape(flags);
      case '*':
      case '+':
      case '?':
        return fail(); // nothing to repeat
      default:
        return literal(ch, flags);
    }
  }

  private parseGroup(flags: Flags): Node {
    let inner = flags;
    if (this.eat('?')) {
      const kind = this.peek();
      if (kind === ':') {
        this.pos += 1;
      } else if (kind === '<' && /[A-Za-z_]/.test(this.peek(1) ?? '')) {
        // A named group captures; capturing does not change what matches.
        while (this.next() !== '>') {
          // skip the name
        }
      } else if (kind !== undefined && /[imsx-]/.test(kind)) {
        // `(?-mix:...)`, as Ruby's Regexp#to_s renders every pattern.
        for (;;) {
          const f = this.next();
          if (f === ':') break;
          if (f === '-') {
            inner = this.parseNegatedFlags(inner);
            break;
          }
          inner = applyFlag(inner, f, true);
        }
      } else {
        // Look-ahead, look-behind, atomic groups, comments, conditionals.
        fail();
      }
    }
    const node = this.parseAlternation(inner);
    if (!this.eat(')')) fail();
    return node;
  }

  private parseNegatedFlags(flags: Flags): Flags {
    let result = flags;
    for (;;) {
      const f = this.next();
      if (f === ':') return result;
      result = applyFlag(result, f, false);
    }
  }

  private parseEscape(flags: Flags): Node {
    const ch = this.next();
    const cls = CLASS_ESCAPES.get(ch);
    if (cls !== undefined) return { t: 'set', pred: cls };
    switch (ch) {
      case 'A':
        return { t: 'assert', kind: 'start' };
      case 'z':
      case 'Z':
        return { t: 'assert', kind: 'end' };
      case 'b':
        return { t: 'assert', kind: 'word-boundary' };
      case 'B':
        return { t: 'assert', kind: 'not-word-boundary' };
      case 'p':
      case 'P':
        return { t: 'set', pred: this.parseProperty(ch === 'P') };
      default:
        return { t: 'literal', cp: this.escapedCodePoint(ch), ignoreCase: flags.ignoreCase };
    }
  }

  /** The code point an escape outside the class escapes stands for. */
  private escapedCodePoint(ch: string): number {
    const control = CONTROL_ESCAPES.get(ch);
    if (control !== undefined) {
      if (ch === '0' && isDigit(this.cps[this.pos] ?? -1)) fail(); // octal escapes
      return control;
    }
    if (ch === 'x') return this.parseHex(2);
    if (ch === 'u') {
      if (this.eat('{')) {
        let hex = '';
        while (this.peek() !== '}') hex += this.next();
        this.pos += 1;
        return hexValue(hex);
      }
      return this.parseHex(4);
    }
    // `\1`: a back-reference; other letters are escapes this engine does not know.
    if (/[0-9A-Za-z]/.test(ch)) fail();
    return ch.codePointAt(0) ?? fail();
  }

  private parseHex(length: number): number {
    let hex = '';
    for (let i = 0; i < length; i += 1) hex += this.next();
    return hexValue(hex);
  }

  private parseProperty(negated: boolean): Predicate {
    if (!this.eat('{')) fail();
    let name = '';
    while (this.peek() !== '}') name += this.next();
    this.pos += 1;
    if (!/^\^?[A-Za-z_=]{1,40}$/.test(name)) fail();
    const caret = name.startsWith('^');
    let re: RegExp;
    try {
      re = new RegExp(`^\\p{${caret ? name.slice(1) : name}}$`, 'u');
    } catch {
      return fail();
    }
    const pred = singleCharTest(re);
    return negated !== caret ? not(pred) : pred;
  }

  private parseBracket(flags: Flags): Node {
    const negated = this.eat('^');
    const parts: Predicate[] = [];
    let first = true;
    for (;;) {
      const ch = this.next();
      if (ch === ']' && !first) break;
      first = false;
      if (ch === '[' && this.peek() === ':') {
        const close = this.indexOf(':]');
        if (close < 0) fail();
        const name = String.fromCodePoint(...this.cps.slice(this.pos + 1, close));
        const posix = POSIX_CLASSES.get(name) ?? fail();
        this.pos = close + 2;
        parts.push(posix);
        continue;
      }
      if (ch === '[' && (this.peek() === '.' || this.peek() === '=')) fail(); // collating elements
      let low: number;
      if (ch === '\\') {
        const escaped = this.next();
        const cls = CLASS_ESCAPES.get(escaped);
        if (cls !== undefined) {
          parts.push(cls);
          continue;
        }
        if (escaped === 'p' || escaped === 'P') {
          parts.push(this.parseProperty(escaped === 'P'));
          continue;
        }
        low = escaped === 'b' ? 0x08 : this.escapedCodePoint(escaped);
      } else {
        low = ch.codePointAt(0) ?? fail();
      }
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.pos += 1;
        const hiCh = this.next();
        const high = hiCh === '\\' ? this.escapedCodePoint(this.next()) : (hiCh.codePointAt(0) ?? fail());
        if (high < low) fail();
        parts.push((cp) => cp >= low && cp <= high);
      } else {
        const single = low;
        parts.push((cp) => cp === single);
      }
    }
    const any: Predicate = (cp) => parts.some((p) => p(cp));
    const cased = flags.ignoreCase ? ignoringCase(any) : any;
    return { t: 'set', pred: negated ? not(cased) : cased };
  }

  private indexOf(text: string): number {
    const needle = Array.from(text, (c) => c.codePointAt(0) ?? 0);
    for (let i = this.pos; i + needle.length <= this.cps.length; i += 1) {
      if (needle.every((cp, j) => this.cps[i + j] === cp)) return i;
    }
    return -1;
  }
}

function hexValue(hex: string): number {
  if (!/^[0-9A-Fa-f]{1,6}$/.test(hex)) fail();
  const value = Number.parseInt(hex, 16);
  if (value > 0x10ffff) fail();
  return value;
}

function applyFlag(flags: Flags, flag: string, on: boolean): Flags {
  switch (flag) {
    case 'i':
      return { ...flags, ignoreCase: on };
    // Ruby's `m` is dot-matches-newline (PCRE's `s`). `^` and `$` are read as string anchors
    // either way, which is what a single attribute value needs.
    case 'm':
    case 's':
      return { ...flags, dotAll: on };
    case 'x':
      // Extended mode ignores white space in the pattern; not followed here.
      if (on) fail();
      return flags;
    case '-':
      return flags;
    default:
      return fail();
  }
}

function literal(ch: string, flags: Flags): Node {
  return { t: 'literal', cp: ch.codePointAt(0) ?? 0, ignoreCase: flags.ignoreCase };
}

// ---------------------------------------------------------------------------------------------
// The automaton

type Instruction =
  | { readonly op: 'char'; readonly pred: Predicate }
  | { readonly op: 'split'; readonly a: number; readonly b: number }
  | { readonly op: 'jmp'; readonly to: number }
  | { readonly op: 'assert'; readonly kind: AssertKind }
  | { readonly op: 'match' };

class Compiler {
  readonly program: Instruction[] = [];

  private emit(instruction: Instruction): number {
    if (this.program.length >= MAX_PROGRAM) fail();
    this.program.push(instruction);
    return this.program.length - 1;
  }

  private patch(at: number, instruction: Instruction): void {
    this.program[at] = instruction;
  }

  compile(node: Node): void {
    switch (node.t) {
      case 'literal': {
        const cp = node.cp;
        const pred: Predicate = node.ignoreCase ? ignoringCase((c) => c === cp) : (c) => c === cp;
        this.emit({ op: 'char', pred });
        return;
      }
      case 'set':
        this.emit({ op: 'char', pred: node.pred });
        return;
      case 'assert':
        this.emit({ op: 'assert', kind: node.kind });
        return;
      case 'seq':
        for (const item of node.items) this.compile(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        node.items.forEach((item, i) => {
          if (i === node.items.length - 1) {
            this.compile(item);
            return;
          }
          const split = this.emit({ op: 'jmp', to: -1 });
          this.compile(item);
          jumps.push(this.emit({ op: 'jmp', to: -1 }));
          this.patch(split, { op: 'split', a: split + 1, b: this.program.length });
        });
        for (const j of jumps) this.patch(j, { op: 'jmp', to: this.program.length });
        return;
      }
      case 'repeat':
        this.compileRepeat(node.node, node.min, node.max);
        return;
    }
  }

  private compileRepeat(body: Node, min: number, max: number): void {
    for (let i = 0; i < min; i += 1) this.compile(body);
    if (max === Number.POSITIVE_INFINITY) {
      const split = this.emit({ op: 'jmp', to: -1 });
      this.compile(body);
      this.emit({ op: 'jmp', to: split });
      this.patch(split, { op: 'split', a: split + 1, b: this.program.length });
      return;
    }
    const splits: number[] = [];
    for (let i = min; i < max; i += 1) {
      splits.push(this.emit({ op: 'jmp', to: -1 }));
      this.compile(body);
    }
    for (const s of splits) this.patch(s, { op: 'split', a: s + 1, b: this.program.length });
  }
}

function run(program: readonly Instruction[], input: readonly number[], anchored: boolean): boolean {
  const size = program.length;
  let current: number[] = [];
  let next: number[] = [];
  // `seen[pc] === step` marks a state already in the list for this step: no duplicates, and an
  // empty loop (`(a*)*`) cannot spin.
  const seen = new Int32Array(size).fill(-1);
  let step = 0;

  const isWordAt = (i: number): boolean => {
    const cp = input[i];
    return cp !== undefined && isWord(cp);
  };

  const add = (list: number[], start: number, pos: number): boolean => {
    const stack = [start];
    let matched = false;
    while (stack.length > 0) {
      const pc = stack.pop() as number;
      if (seen[pc] === step) continue;
      seen[pc] = step;
      const instruction = program[pc] as Instruction;
      switch (instruction.op) {
        case 'jmp':
          stack.push(instruction.to);
          break;
        case 'split':
          stack.push(instruction.b, instruction.a);
          break;
        case 'assert': {
          const ok =
            instruction.kind === 'start'
              ? pos === 0
              : instruction.kind === 'end'
                ? pos === input.length
                : (isWordAt(pos - 1) !== isWordAt(pos)) === (instruction.kind === 'word-boundary');
          if (ok) stack.push(pc + 1);
          break;
        }
        case 'match':
          if (!anchored || pos === input.length) matched = true;
          break;
        case 'char':
          list.push(pc);
          break;
      }
    }
    return matched;
  };

  if (add(current, 0, 0)) return true;
  for (let pos = 0; pos < input.length; pos += 1) {
    const cp = input[pos] as number;
    step += 1;
    next.length = 0;
    for (const pc of current) {
      const instruction = program[pc] as Instruction;
      if (instruction.op === 'char' && instruction.pred(cp) && add(next, pc + 1, pos + 1)) return true;
    }
    // Unanchored (JSON Schema) patterns may start matching anywhere.
    if (!anchored && add(next, 0, pos + 1)) return true;
    [current, next] = [next, current];
    if (anchored && current.length === 0) return false;
  }
  return false;
}

export interface SafePattern {
  /**
   * Whether the input matches. `undefined` when the input is too long to decide within the work
   * limit: the caller should treat the value as unchecked, not as wrong.
   */
  test(input: string): boolean | undefined;
}

export interface SafePatternOptions {
  /**
   * true (the default): the whole value must match, as OCCI reads an ERE `pattern`.
   * false: a match anywhere will do, as JSON Schema reads its `pattern` keyword.
   */
  readonly anchored?: boolean;
}

function parsePattern(source: string): Node | null {
  if (Array.from(source).length > MAX_SOURCE) return null;
  try {
    return new Parser(source).parse({ ignoreCase: false, dotAll: false });
  } catch (error) {
    if (error instanceof Unsupported) return null;
    // A RangeError from String.fromCodePoint, or a stack overflow on absurd nesting.
    return null;
  }
}

/** Compiles a server's pattern, or returns null when it is invalid, unsupported or too large. */
export function compileSafePattern(source: string, options: SafePatternOptions = {}): SafePattern | null {
  const anchored = options.anchored ?? true;
  const ast = parsePattern(source);
  if (ast === null) return null;
  const compiler = new Compiler();
  try {
    compiler.compile(ast);
    compiler.program.push({ op: 'match' });
  } catch {
    return null;
  }
  const program = compiler.program;
  return {
    test(input: string): boolean | undefined {
      const cps = Array.from(input, (ch) => ch.codePointAt(0) ?? 0);
      if (program.length * (cps.length + 1) > MAX_WORK) return undefined;
      return run(program, cps, anchored);
    },
  };
}

/**
 * The values a pattern allows when it is nothing but a list of literal alternatives, e.g.
 * rOCCI-core 5's `(?-mix:^(graceful|acpioff|poweroff)$)`: forms can then offer a choice.
 * Null for any other pattern, and for a case-insensitive one.
 */
export function patternAlternatives(source: string): readonly string[] | null {
  const ast = parsePattern(source);
  if (ast === null) return null;
  let items = ast.t === 'seq' ? [...ast.items] : [ast];
  while (isAssert(items[0], 'start')) items = items.slice(1);
  while (isAssert(items.at(-1), 'end')) items = items.slice(0, -1);
  const body: Node | undefined = items.length === 1 ? items[0] : { t: 'seq', items };
  if (body === undefined) return null;
  const branches = body.t === 'alt' ? body.items : [body];
  const values: string[] = [];
  for (const branch of branches) {
    const value = literalText(branch);
    if (value === null) return null;
    values.push(value);
  }
  return values;
}

function isAssert(node: Node | undefined, kind: AssertKind): boolean {
  return node?.t === 'assert' && node.kind === kind;
}

function literalText(node: Node): string | null {
  if (node.t === 'literal') return node.ignoreCase ? null : String.fromCodePoint(node.cp);
  if (node.t !== 'seq' || node.items.length === 0) return null;
  let text = '';
  for (const item of node.items) {
    const part = literalText(item);
    if (part === null) return null;
    text += part;
  }
  return text;
}
