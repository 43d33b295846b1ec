/*
 * <yp-rule-editor>: a CodeMirror 6 editor for the rule language, for RuleEditor.java.
 *
 * Properties:
 *   value        the rule's text; the element fires `value-changed` 400 ms after the last keystroke, and at once
 *                when focus leaves it (before the click on Save lands), so the server validates while the farmer types
 *   diagnostics  [{line, column, severity: "error" | "warning", message}, ...] from the server, lines and
 *                columns counted from 1; shown as lint marks under the text, in the gutter and on hover
 *   readonly     whether the text can be edited
 *
 * Highlighting mirrors the ANTLR lexer (RuleLanguage.g4): keywords, window functions, pool ids, durations,
 * numbers with their units, dollar amounts, strings and `#` comments. The CodeMirror view is `view`.
 */
import { EditorState, Compartment } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { StreamLanguage, syntaxHighlighting, defaultHighlightStyle, type StringStream } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';

const KEYWORDS = new Set([
  'rule', 'when', 'then', 'and', 'or', 'not', 'for', 'every', 'move', 'withdraw', 'deposit', 'notify', 'from', 'to',
  'into', 'options', 'cooldown', 'mode', 'paper', 'live', 'approval', 'required', 'priority', 'expires', 'evaluate',
  'max',
]);
const WINDOWS = new Set(['avg', 'min', 'change', 'pctchange']);
const UNITS = new Set(['bps', 'gwei', 'usd', 'utc']);

interface ServerDiagnostic {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

/** The rule language's tokens, in the lexer's order of precedence. */
export const ruleLanguage = StreamLanguage.define<{ afterNumber: boolean }>({
  name: 'yieldpilot-rule',
  startState: () => ({ afterNumber: false }),
  token(stream: StringStream, state) {
    if (stream.eatSpace()) {
      return null;
    }
    const afterNumber = state.afterNumber;
    state.afterNumber = false;
    if (stream.match(/^#.*/)) {
      return 'comment';
    }
    if (stream.match(/^"(?:\\.|[^"\\])*"?/)) {
      return 'string';
    }
    if (stream.match(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?Z?)?/)) {
      return 'atom';
    }
    // protocol:chain:asset[:qualifier]
    if (stream.match(/^[A-Za-z0-9][A-Za-z0-9._+-]*:[A-Za-z0-9][A-Za-z0-9._+-]*:[A-Za-z0-9][A-Za-z0-9._+-]*(?::[A-Za-z0-9][A-Za-z0-9._+-]*)?/)) {
      return 'string.special';
    }
    if (stream.match(/^\d{1,2}:\d{2}/) || stream.match(/^\d+[smhdw](?![A-Za-z0-9_])/)) {
      return 'atom';
    }
    if (stream.match(/^\$[\d,]+(?:\.\d+)?[kKmMbB]?/)) {
      return 'number';
    }
    if (stream.match(/^[\d,]+(?:\.\d+)?/)) {
      state.afterNumber = true;
      return 'number';
    }
    if (stream.match(/^[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*/)) {
      const word = stream.current();
      if (KEYWORDS.has(word)) {
        return 'keyword';
      }
      if (WINDOWS.has(word)) {
        return 'keyword';
      }
      if (afterNumber || UNITS.has(word.toLowerCase())) {
        return 'unit';
      }
      return stream.peek() === '(' ? 'propertyName' : 'variableName';
    }
    if (stream.match(/^(?:<=|>=|==|!=|[<>=+\-*/%])/)) {
      return stream.current() === '%' ? 'unit' : 'operator';
    }
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '#' } },
});

export class YpRuleEditor extends HTMLElement {
  /** The CodeMirror view while the element is attached. */
  view?: EditorView;

  private text = '';
  private pending?: ReturnType<typeof setTimeout>;
  private serverDiagnostics: ServerDiagnostic[] = [];
  private readonly editable = new Compartment();
  private isReadonly = false;

  get value(): string {
    return this.view ? this.view.state.doc.toString() : this.text;
  }

  set value(text: string) {
    this.text = text ?? '';
    if (this.view && this.view.state.doc.toString() !== this.text) {
      this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: this.text } });
    }
  }

  get diagnostics(): ServerDiagnostic[] {
    return this.serverDiagnostics;
  }

  set diagnostics(diagnostics: ServerDiagnostic[]) {
    this.serverDiagnostics = diagnostics ?? [];
    this.showDiagnostics();
  }

  get readonly(): boolean {
    return this.isReadonly;
  }

  set readonly(readonly: boolean) {
    this.isReadonly = !!readonly;
    this.view?.dispatch({ effects: this.editable.reconfigure(EditorView.editable.of(!this.isReadonly)) });
  }

  connectedCallback() {
    // properties set before the element was defined are own properties that hide the accessors: move them over
    for (const property of ['value', 'diagnostics', 'readonly'] as const) {
      if (Object.prototype.hasOwnProperty.call(this, property)) {
        const value = (this as any)[property];
        delete (this as any)[property];
        (this as any)[property] = value;
      }
    }
    if (this.view) {
      return;
    }
    // focusout fires as the pointer goes down on a tab or button, before its click: the server hears the text first
    this.addEventListener('focusout', () => this.flush());
    this.style.display = 'block';
    this.view = new EditorView({
      parent: this,
      state: EditorState.create({
        doc: this.text,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          ruleLanguage,
          syntaxHighlighting(defaultHighlightStyle),
          lintGutter(),
          this.editable.of(EditorView.editable.of(!this.isReadonly)),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.contentAttributes.of({ 'aria-label': 'Rule text', spellcheck: 'false' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              this.schedule();
            }
          }),
          EditorView.theme({
            '&': {
              border: '1px solid var(--lumo-contrast-20pct)',
              borderRadius: 'var(--lumo-border-radius-m)',
              fontSize: 'var(--lumo-font-size-s)',
              backgroundColor: 'var(--lumo-base-color)',
              color: 'var(--lumo-body-text-color)',
            },
            '&.cm-focused': { outline: '2px solid var(--lumo-primary-color-50pct)' },
            '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', minHeight: '12em' },
            '.cm-gutters': { backgroundColor: 'var(--lumo-contrast-5pct)', color: 'var(--lumo-secondary-text-color)' },
            '.cm-activeLine': { backgroundColor: 'var(--lumo-primary-color-10pct)' },
          }),
        ],
      }),
    });
    this.showDiagnostics();
  }

  disconnectedCallback() {
    this.flush();
  }

  private schedule() {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.flush(), 400);
  }

  /** Tells the server the current text, if it has not heard it yet. */
  private flush() {
    clearTimeout(this.pending);
    this.pending = undefined;
    const text = this.value;
    if (text !== this.text) {
      this.text = text;
      this.dispatchEvent(new CustomEvent('value-changed', { detail: { value: text } }));
    }
  }

  private showDiagnostics() {
    const view = this.view;
    if (!view) {
      return;
    }
    const doc = view.state.doc;
    const marks: Diagnostic[] = this.serverDiagnostics.map((d) => {
      const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
      const from = Math.min(line.from + Math.max(d.column, 1) - 1, line.to);
      // mark the word at the position, or one character, so there is something to underline
      const word = /^[^\s(),]+/.exec(doc.sliceString(from, line.to));
      const to = Math.min(from + (word ? word[0].length : 1), doc.length);
      return { from, to: Math.max(to, from), severity: d.severity, message: d.message };
    });
    view.dispatch(setDiagnostics(view.state, marks));
  }
}

customElements.define('yp-rule-editor', YpRuleEditor);
