import type { CommandIo } from './io.js';

/** A subcommand: its argv (after the command name) → exit code. */
export type CommandRun = (argv: readonly string[], io: CommandIo) => Promise<number>;

export interface CommandEntry {
  readonly summary: string;
  /** Loaded on use, so that running one command never loads the others (or Ink). */
  readonly load: () => Promise<CommandRun>;
}

/** The subcommands of SPEC 2, in help order. */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  list: { summary: 'templates: id, title, kind, parameters', load: async () => (await import('./list.js')).run },
  render: { summary: 'render a template as JSON, Terraform or CloudFormation', load: async () => (await import('./render.js')).run },
  explain: { summary: 'explain every statement in plain English', load: async () => (await import('./explain.js')).run },
  matrix: { summary: 'who can do what: principals or keys by KMS action', load: async () => (await import('./matrix.js')).run },
  lint: { summary: 'findings: errors, security risks, warnings, suggestions', load: async () => (await import('./lint.js')).run },
  diff: { summary: 'what a new version of a policy grants or takes away', load: async () => (await import('./diff.js')).run },
  simulate: { summary: 'decide one KMS request as AWS would', load: async () => (await import('./simulate.js')).run },
};

export const USAGE = `kms-policy-tui — author, explain, lint and simulate AWS KMS key policies and IAM policies

Usage:
  kms-policy-tui                          interactive template browser
  kms-policy-tui open <source|-> [--policy NAME] [--against OLD] [--grants FILE] [--identity-policy FILE]...
                                          interactive workspace on an existing policy
  kms-policy-tui list [--json]            templates: id, title, kind, parameters
  kms-policy-tui render <template-id> [--param NAME=VALUE]... [--format json|terraform|cloudformation]
                                          [--out FILE|- [--force]] [--copy]
  kms-policy-tui explain <source|-> [--policy NAME] [--json] [--kind key|identity]
  kms-policy-tui matrix <source|-> [--policy NAME] [--json] [--kind key|identity] [--grants FILE]
  kms-policy-tui lint <source|dir|-> [--policy NAME] [--format text|json|sarif] [--kind key|identity] [--grants FILE] [--as ARN]
  kms-policy-tui diff <old> <new> [--policy NAME] [--format text|json|sarif] [--kind key|identity]
          [--fail-on widen|change|never]
  kms-policy-tui simulate --action ACTION --principal PRINCIPAL
          [--key-policy FILE [--policy NAME]] [--identity-policy FILE]... [--grants FILE] [--resource KEY_ARN]
          [--context KEY=VALUE]... [--json] [--trace]
  kms-policy-tui --help | --version

A source is a policy document, AWS CLI output (get-key-policy, get-policy-version ...),
a CloudFormation template, Terraform .tf or plan JSON; --policy NAME picks one of its policies.
'-' reads the policy from standard input. --grants FILE adds the key's grants: the output of
\`aws kms list-grants --output json\`, or Terraform aws_kms_grant resources. --kind is detected when omitted: a policy
whose statements have Principal/NotPrincipal is a key policy, otherwise an identity policy.

Exit codes: 0 success; 1 lint found an error or security finding, or diff met --fail-on (default widen);
2 usage error or unreadable input.
NO_COLOR and FORCE_COLOR are honoured.
`;
