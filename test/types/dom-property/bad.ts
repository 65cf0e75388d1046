import 'fiskil-link';

const link = document.createElement('fiskil-link');
link.sessionID = 'ses_1';
