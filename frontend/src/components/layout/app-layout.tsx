import { Link, Outlet } from 'react-router';
import { api } from '../../lib/api';
import { useAsync } from '../../hooks/use-async';
import { ModeBadge } from './mode-badge';

/** Header with the product name and the active mode, around every page. */
export function AppLayout() {
  const health = useAsync(() => api.health(), 'health');
  return (
    <div className="app">
      <header className="app-header">
        <Link to="/" className="brand">
          Screenline
        </Link>
        {health.status === 'ready' && <ModeBadge mode={health.data.mode} />}
        <nav aria-label="Site" className="app-header-nav">
          <Link to="/">Careers</Link>
          <Link to="/dashboard">For recruiters</Link>
        </nav>
      </header>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
