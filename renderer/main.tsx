import { createRoot } from 'react-dom/client';
import { invoke } from './ipc/client';

function App() {
  return <p>Reseller Desk</p>;
}
void invoke('app.info');
createRoot(document.getElementById('root')!).render(<App />);
