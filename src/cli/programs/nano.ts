import { NanoEditor, readMessage } from '../editor/nano';
import { editorSetup, openFile, runFullScreen } from '../editor/run-editor';
import type { ProgramEntry } from '../process';

/**
 * `nano [FILE]`: GNU nano's screen and keys for what a lab needs (see `editor/nano.ts`), on
 * the machine's own files, so that a compose file or a secret's source can be written in the
 * terminal. It takes no options.
 */
export const nanoProgram: ProgramEntry = {
  name: 'nano',
  summary: 'Edit a file in the terminal (^O writes it out, ^X exits)',
  run: async (context) => {
    const options = context.args.filter((arg) => arg.startsWith('-') && arg !== '-');
    if (options.length > 0) {
      context.stderr.write(`nano: the playground's nano takes no options (${options[0]})\n`);
      return 1;
    }
    if (context.args.length > 1) {
      context.stderr.write("nano: the playground's nano edits one file at a time\n");
      return 1;
    }
    const setup = editorSetup(context, 'nano');
    if (typeof setup === 'number') return setup;
    const name = context.args[0] ?? '';
    const opened = await openFile(setup, name);
    const start = {
      name,
      text: opened.kind === 'read' ? opened.text : '',
      message:
        opened.kind === 'read'
          ? readMessage(opened.text)
          : opened.kind === 'new'
            ? name === ''
              ? ''
              : '[ New File ]'
            : opened.kind === 'directory'
              ? `[ "${name}" is a directory ]`
              : `[ Error reading ${name}: ${opened.error} ]`,
    };
    await runFullScreen(context, setup.terminal, new NanoEditor(start, setup.resolve, setup.save));
    return 0;
  },
};
