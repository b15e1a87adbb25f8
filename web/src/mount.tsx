import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import 'antd/dist/antd.css';
import './styles.css';

/** Renders the app; `session` is the sign-in check main.tsx started. */
export function mount(session: Promise<unknown>): void {
  createRoot(document.getElementById('root')!).render(<StrictMode><App session={session} /></StrictMode>);
}
