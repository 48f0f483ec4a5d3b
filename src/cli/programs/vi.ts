import { editorSetup, openFile, runFullScreen } from '../editor/run-editor';
import { ViEditor } from '../editor/vi';
import type { ProgramEntry } from '../process';

/**
 * `vi [FILE]` (and `vim`): vim's modes and commands for what a lab needs (see `editor/vi.ts`),
 * on the machine's own files. It takes no options.
 */
export function viProgram(name: 'vi' | 'vim'): ProgramEntry {
  return {
    name,
    summary: 'Edit a file in the terminal (i inserts, Esc, then :wq writes and quits)',
    run: async (context) => {
      const options = context.args.filter((arg) => arg.startsWith('-') && arg !== '-');
      if (options.length > 0) {
        context.stderr.write(
          `${name}: the playground's ${name} takes no options (${options[0]})\n`,
        );
        return 1;
      }
      if (context.args.length > 1) {
        context.stderr.write(`${name}: the playground's ${name} edits one file at a time\n`);
        return 1;
      }
      const setup = editorSetup(context, name);
      if (typeof setup === 'number') return setup;
      const file = context.args[0] ?? '';
      const opened = await openFile(setup, file);
      const start =
        opened.kind === 'read'
          ? { name: file, text: opened.text }
          : opened.kind === 'new'
            ? { name: file, text: null }
            : {
                name: file,
                text: '',
                message:
                  opened.kind === 'directory'
                    ? `"${file}" is a directory`
                    : `"${file}" [Permission Denied]`,
              };
      await runFullScreen(context, setup.terminal, new ViEditor(start, setup.resolve, setup.save));
      return 0;
    },
  };
}
