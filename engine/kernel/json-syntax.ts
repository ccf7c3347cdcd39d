/**
 * Where a JSON text breaks, and why, in Dutch: the engine's JSON.parse says "Expected double-quoted
 * property name in JSON at position 19640" (or no position at all). This scanner walks the text once,
 * without recursion (a deeply nested file does not overflow the stack), and stops at the first error.
 */

export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

const WS = new Set([" ", "\t", "\n", "\r"]);

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (reason: string, at = i): JsonSyntaxError => ({
    offset: at,
    ...lineAndColumn(text, at),
    reason,
  });
  const skip = () => {
    while (i < text.length && WS.has(text[i])) i++;
  };
  const shown = (c: string) => (c === undefined ? "het einde" : JSON.stringify(c));
  // What is expected next: a value, or what follows inside an object or array.
  const stack: ("object" | "array")[] = [];
  type State = "value" | "afterValue" | "key" | "firstKey" | "firstValue";
  let state: State = "value";
  for (;;) {
    skip();
    const c = text[i];
    if (state === "value" || state === "firstValue") {
      if (c === undefined) return fail("het bestand houdt op waar een waarde hoort");
      if (state === "firstValue" && c === "]") {
        stack.pop();
        i++;
        state = "afterValue";
        continue;
      }
      if (c === "{") {
        stack.push("object");
        i++;
        state = "firstKey";
        continue;
      }
      if (c === "[") {
        stack.push("array");
        i++;
        state = "firstValue";
        continue;
      }
      if (c === '"') {
        const error = string();
        if (error) return error;
        state = "afterValue";
        continue;
      }
      const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
        text.slice(i, i + 400),
      );
      if (literal && !/[\w.]/.test(text[i + literal[0].length] ?? "")) {
        i += literal[0].length;
        state = "afterValue";
        continue;
      }
      if (c === "'") return fail('tekst hoort tussen dubbele aanhalingstekens ("), niet enkele');
      if (c === "," || c === "]" || c === "}")
        return fail(`hier hoort een waarde, niet ${shown(c)} (een komma te veel of een waarde vergeten?)`);
      if (/[\d.+-]/.test(c))
        return fail("ongeldig getal (schrijf een punt als decimaalteken, zonder voorloopnullen of +)");
      return fail(
        `onverwacht teken ${shown(c)}: een waarde begint met {, [, ", een cijfer, true, false of null`,
      );
    }
    if (state === "key" || state === "firstKey") {
      if (state === "firstKey" && c === "}") {
        stack.pop();
        i++;
        state = "afterValue";
        continue;
      }
      if (c === undefined) return fail("het bestand houdt op binnen een object (een } vergeten?)");
      if (c !== '"')
        return fail(
          c === "}"
            ? "een komma te veel voor de }"
            : `verwacht een veldnaam tussen dubbele aanhalingstekens, niet ${shown(c)}`,
        );
      const error = string();
      if (error) return error;
      skip();
      if (text[i] !== ":") return fail(`verwacht een dubbele punt na de veldnaam, niet ${shown(text[i])}`);
      i++;
      state = "value";
      continue;
    }
    // afterValue
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (c === undefined) return undefined;
      return fail(`er staat nog tekst na het einde van de JSON (${shown(c)})`);
    }
    if (c === ",") {
      i++;
      state = top === "object" ? "key" : "value";
      skip();
      if (top === "array" && text[i] === "]") return fail("een komma te veel voor de ]");
      continue;
    }
    if (top === "object" && c === "}") {
      stack.pop();
      i++;
      continue;
    }
    if (top === "array" && c === "]") {
      stack.pop();
      i++;
      continue;
    }
    if (c === undefined)
      return fail(
        `het bestand houdt op binnen ${top === "object" ? "een object (een } vergeten?)" : "een lijst (een ] vergeten?)"}`,
      );
    return fail(
      top === "object"
        ? `verwacht een komma of } na de waarde, niet ${shown(c)} (een komma vergeten?)`
        : `verwacht een komma of ] na het element, niet ${shown(c)} (een komma vergeten?)`,
    );
  }

  function string(): JsonSyntaxError | undefined {
    const start = i;
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === "\\") {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail("ongeldige \\u-code in tekst");
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next))
          return fail(`ongeldige escape \\${next ?? ""} in tekst`);
        i += 2;
        continue;
      }
      if (c < " ")
        return fail(
          c === "\n"
            ? 'tekst loopt door over het einde van de regel (een " vergeten?)'
            : "een stuurteken (zoals een tab) in tekst",
        );
      i++;
    }
    return fail('tekst zonder afsluitend "', start);
  }
}
