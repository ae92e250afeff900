import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToCore } from './api/connect.js';
import { App } from './app/App.js';
import { rootActors } from './machines/root-actors.js';
import { rootMachine } from './machines/root-machine.js';
import './styles/fonts.css';
import './styles/app.css';

// The one wiring point of the renderer: the shell's transport, the real actors, the app.
const connection = connectToCore(window);
const machine = rootMachine.provide({ actors: rootActors(connection.client, connection.transport) });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App machine={machine} />
  </StrictMode>,
);
