import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

// The redirect URI registered for the SPA: MSAL's redirect bridge takes Entra ID's answer from the address and gives
// it to the page that asked (the tab that started a redirect sign-in, or the hidden frame of a silent renewal).
// An address without an answer (opened by hand) goes to the home page.
broadcastResponseToMainFrame().catch(() => location.replace('/'));
