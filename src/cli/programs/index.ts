import type { ProgramEntry } from '../process';
import { catProgram } from './cat';
import { clearProgram } from './clear';
import { echoProgram } from './echo';
import { exitProgram } from './exit';
import { falseProgram } from './false';
import { grepProgram } from './grep';
import { headProgram } from './head';
import { helpProgram } from './help';
import { historyProgram } from './history';
import { hostnameProgram } from './hostname';
import { lsProgram } from './ls';
import { mkdirProgram } from './mkdir';
import { nanoProgram } from './nano';
import { rmProgram } from './rm';
import { touchProgram } from './touch';
import { playgroundProgram } from './playground';
import { printfProgram } from './printf';
import { pwdProgram } from './pwd';
import { sortProgram } from './sort';
import { serviceProgram, systemctlProgram } from './systemctl';
import { tailProgram } from './tail';
import { trueProgram } from './true';
import { viProgram } from './vi';
import { wcProgram } from './wc';

/** The Unix helpers every machine's shell has; `docker` is added by the page. */
export const builtinPrograms: readonly ProgramEntry[] = [
  catProgram,
  clearProgram,
  echoProgram,
  exitProgram,
  { ...exitProgram, name: 'logout' },
  falseProgram,
  grepProgram,
  headProgram,
  helpProgram,
  historyProgram,
  hostnameProgram,
  lsProgram,
  mkdirProgram,
  nanoProgram,
  playgroundProgram,
  printfProgram,
  pwdProgram,
  rmProgram,
  serviceProgram,
  sortProgram,
  systemctlProgram,
  tailProgram,
  touchProgram,
  trueProgram,
  viProgram('vi'),
  viProgram('vim'),
  wcProgram,
];
