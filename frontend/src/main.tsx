import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './components/layout/app-layout';
import { ApplyPage } from './routes/apply-page';
import { DashboardLayout } from './routes/dashboard/dashboard-layout';
import { InterviewPage } from './routes/dashboard/interview-page';
import { InvitePage } from './routes/dashboard/invite-page';
import { SettingsPage } from './routes/dashboard/settings-page';
import { InterviewsPage } from './routes/dashboard/interviews-page';
import { JobEditorPage } from './routes/dashboard/job-editor-page';
import { JobsPage } from './routes/dashboard/jobs-page';
import { SetupPage } from './routes/dashboard/setup-page';
import { HomePage } from './routes/home-page';
import { MyCallPage } from './routes/my-call-page';
import { NotFoundPage } from './routes/not-found-page';
import './styles.css';

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/apply/:jobId', element: <ApplyPage /> },
      { path: '/my-call', element: <MyCallPage /> },
      // Outside the dashboard's session guard: there is no account to sign in with yet.
      { path: '/dashboard/setup', element: <SetupPage /> },
      { path: '/dashboard/invite', element: <InvitePage /> },
      {
        path: '/dashboard',
        element: <DashboardLayout />,
        children: [
          { index: true, element: <InterviewsPage /> },
          { path: 'interviews/:interviewId', element: <InterviewPage /> },
          { path: 'jobs', element: <JobsPage /> },
          { path: 'jobs/new', element: <JobEditorPage /> },
          { path: 'jobs/:jobId', element: <JobEditorPage /> },
          { path: 'settings', element: <SettingsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
