/**
 * Legitimate service installs, the background any hunt for new services has to see past:
 * Defender loading its scan driver after signature updates, and Chrome's updater registering
 * its service on one workstation.
 */
import { HOUR, SECOND } from './clock.js';
import { SERVICES, USER_AGENTS } from './internet.js';
import { spawn } from './process.js';
import type { Rng } from './random.js';
import { installService } from './services.js';
import { fetchFrom } from './web.js';
import type { World } from './world.js';

const DEFINITIONS = 'C:\\ProgramData\\Microsoft\\Windows Defender\\Definition Updates';

/** Writes the window's legitimate service installs. */
export function legitimateInstalls(world: World): void {
  const rng = world.rng.fork('installs');
  defenderDrivers(world, rng);
  updaterService(world, rng);
}

/** Once or twice a day some machine installs a fresh Defender kernel driver on demand. */
function defenderDrivers(world: World, rng: Rng): void {
  const machines = world.allMachines();
  for (const midnight of world.clock.officeMidnights()) {
    for (let i = rng.int(1, 2); i > 0; i -= 1) {
      const machine = rng.pick(machines);
      const at = midnight + rng.int(0, 23 * HOUR);
      const name = `MpKsl${rng.hex(8)}`;
      const folder = `${DEFINITIONS}\\${rng.guid().toUpperCase()}`;
      installService(world.rec, machine, at, machine.system, {
        name,
        imagePath: `\\??\\${folder}\\MpKslDrv.sys`,
        kind: 'driver',
        start: 'demand',
        account: '',
      });
    }
  }
}

/** Chrome's updater, run by its scheduled task, installs its service on one workstation. */
function updaterService(world: World, rng: Rng): void {
  const machine = world.machine('WS06');
  const at = Math.floor(world.clock.length / 3) + rng.int(0, 6 * HOUR);
  const path = machine.image('googleUpdate').path;
  const updater = spawn(world.rec, at, machine.core.scheduler, {
    image: 'googleUpdate',
    commandLine: `"${path}" /ua /installsource scheduler`,
  });

  fetchFrom(world.rec, rng, at + rng.int(1, 4) * SECOND, updater, SERVICES.googleUpdate, {
    userAgent: USER_AGENTS.googleUpdate,
    lookup: true,
    method: 'POST',
  });
  installService(world.rec, machine, at + rng.int(20 * SECOND, 90 * SECOND), machine.system, {
    name: 'gupdate',
    displayName: 'Google Update Service (gupdate)',
    imagePath: `"${path}" /svc`,
    kind: 'service',
    start: 'auto',
    account: 'LocalSystem',
  });
}
