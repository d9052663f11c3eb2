/**
 * Shell options from this machine's configuration. A configuration that does not load still yields a
 * kiosk: the renderer is told the service is unavailable and shows the out-of-order screen.
 */
import { loadMachineConfiguration, type MachineConfigurationOptions } from '../config/machine';
import { formatProblem } from '../config/problems';
import type { SesameConfiguration } from '../config/schema';
import type { FlowEngine } from '../flows/engine';
import { appInfoOf, outOfOrderAppInfo } from '../app/app-info';
import { createDispatch } from '../handlers/dispatch';
import { createHandlers } from '../handlers/handlers';
import type { HelpdeskHandlers } from '../helpdesk/handlers';
import type { ShellOptions } from './main';

export interface ConfiguredShellInputs {
  rendererDir: string;
  preloadPath: string;
  /** The gates engine for a loaded configuration; without one, flow calls answer `unavailable`. */
  composeEngine?: (config: SesameConfiguration) => FlowEngine;
  /** The help desk's handlers, if the configuration deploys one; a kiosk serves them only when helpDeskOffered. */
  composeHelpdesk?: (config: SesameConfiguration) => HelpdeskHandlers | undefined;
  machine?: MachineConfigurationOptions;
  hostName: string;
}

export async function configuredShellOptions(inputs: ConfiguredShellInputs): Promise<ShellOptions> {
  const paths = { rendererDir: inputs.rendererDir, preloadPath: inputs.preloadPath };
  const outOfOrder = (): ShellOptions => ({
    ...paths,
    kioskMode: true,
    kioskId: inputs.hostName,
    dispatch: createDispatch(createHandlers({ appInfo: outOfOrderAppInfo })),
  });
  let loaded: Awaited<ReturnType<typeof loadMachineConfiguration>>;
  try {
    loaded = await loadMachineConfiguration(inputs.machine);
  } catch (error) {
    console.error(`configuration: cannot load: ${error instanceof Error ? error.name : typeof error}`);
    return outOfOrder();
  }
  if (!loaded.ok) {
    // Problems name keys and sources, never secret values.
    for (const problem of loaded.problems) console.error(`configuration: ${formatProblem(problem)}`);
    return outOfOrder();
  }
  const config = loaded.value;
  const engine = inputs.composeEngine?.(config);
  const helpdesk = config.kiosk.helpDeskOffered ? inputs.composeHelpdesk?.(config) : undefined;
  return {
    ...paths,
    kioskMode: config.kiosk.enabled,
    kioskId: config.kiosk.id,
    dispatch: createDispatch(createHandlers({ appInfo: appInfoOf(config), ...(engine ? { engine } : {}), ...(helpdesk ? { helpdesk } : {}) })),
  };
}
