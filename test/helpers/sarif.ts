/** A structural check of SARIF 2.1.0: the parts code scanning tools read. */
export function validateSarif(log: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const posInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
  if (!isObj(log)) return ['log is not an object'];
  need(log.version === '2.1.0', 'version is "2.1.0"');
  need(typeof log.$schema === 'string' && /sarif/i.test(log.$schema) && log.$schema.includes('2.1.0'), '$schema names SARIF 2.1.0');
  need(Array.isArray(log.runs) && log.runs.length === 1, 'one run');
  const run = Array.isArray(log.runs) ? log.runs[0] : undefined;
  if (!isObj(run)) return [...problems, 'runs[0] is an object'];
  const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : undefined;
  if (!driver) return [...problems, 'runs[0].tool.driver'];
  need(typeof driver.name === 'string' && driver.name.length > 0, 'driver.name');
  const rules = Array.isArray(driver.rules) ? driver.rules : [];
  need(rules.length > 0, 'driver.rules');
  const ruleIds = rules.map((r) => (isObj(r) ? r.id : undefined));
  need(new Set(ruleIds).size === ruleIds.length, 'one rule per id');
  for (const r of rules) {
    if (!isObj(r)) {
      problems.push('rule is an object');
      continue;
    }
    need(typeof r.id === 'string', 'rule.id');
    need(isObj(r.shortDescription) && typeof r.shortDescription.text === 'string', `rule ${String(r.id)} shortDescription.text`);
    if (r.defaultConfiguration !== undefined) need(isObj(r.defaultConfiguration) && ['none', 'note', 'warning', 'error'].includes(String(r.defaultConfiguration.level)), `rule ${String(r.id)} defaultConfiguration.level`);
  }
  need(Array.isArray(run.results), 'runs[0].results');
  for (const [i, res] of (Array.isArray(run.results) ? run.results : []).entries()) {
    if (!isObj(res)) {
      problems.push(`results[${i}] is an object`);
      continue;
    }
    need(typeof res.ruleId === 'string' && ruleIds.includes(res.ruleId), `results[${i}].ruleId names a rule`);
    if (res.ruleIndex !== undefined) need(ruleIds[res.ruleIndex as number] === res.ruleId, `results[${i}].ruleIndex points at its rule`);
    need(['none', 'note', 'warning', 'error'].includes(String(res.level)), `results[${i}].level`);
    need(isObj(res.message) && typeof res.message.text === 'string' && res.message.text.length > 0, `results[${i}].message.text`);
    const loc = Array.isArray(res.locations) ? res.locations[0] : undefined;
    const phys = isObj(loc) && isObj(loc.physicalLocation) ? loc.physicalLocation : undefined;
    need(phys !== undefined && isObj(phys.artifactLocation) && typeof phys.artifactLocation.uri === 'string' && phys.artifactLocation.uri.length > 0, `results[${i}].locations[0].physicalLocation.artifactLocation.uri`);
    if (phys && phys.region !== undefined) {
      need(isObj(phys.region) && posInt(phys.region.startLine) && (phys.region.startColumn === undefined || posInt(phys.region.startColumn)), `results[${i}] region.startLine/startColumn`);
    }
  }
  return problems;
}
