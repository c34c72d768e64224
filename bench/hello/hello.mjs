// The reference for the start-up figure: the smallest Ink app, unbundled, with the project's ink and react.
import React from 'react';
import { render, Text } from 'ink';

const app = render(React.createElement(Text, null, 'hello'));
// Stays up until the bench has seen the frame (it kills the process).
process.stdin.resume();
void app;
