import '@mantine/core/styles.css';
import './portal.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Boot } from './boot';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

// The theme's CSS variables and global classes come from the stylesheet, not from <style> elements
// the portal's CSP would refuse.
createRoot(root).render(
  <StrictMode>
    <MantineProvider withCssVariables={false} withGlobalClasses={false} forceColorScheme="light">
      <Boot />
    </MantineProvider>
  </StrictMode>,
);
