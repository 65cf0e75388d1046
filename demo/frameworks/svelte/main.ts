import { mount } from 'svelte';
import App from './App.svelte';
// Types <fiskil-link> in markup: props, attributes and event details.
import type {} from 'fiskil-link/types/svelte';

mount(App, { target: document.querySelector('#app')! });
