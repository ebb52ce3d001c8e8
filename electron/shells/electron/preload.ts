import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, EVENT_CHANNEL, INVOKE_CHANNEL, type Bridge } from '../../../shared/ipc/bridge';

/** The whole surface the workspace UI gets: invoke a channel, listen to an event. No Node, no ipcRenderer. */
const bridge: Bridge = {
  invoke: (channel, input) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input),
  on: (event, listener) => {
    const forward = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => void ipcRenderer.off(EVENT_CHANNEL, forward);
  },
};
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
