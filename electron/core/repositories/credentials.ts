import type { Db } from '../db/database';
import type { MicroCredential, RubricVersion } from '../../../shared/domain/rubric';

interface CredentialRow {
  id: string;
  title: string;
  issuer: string;
  stack: string;
  competency: string;
}

interface RubricRow {
  id: string;
  credential_id: string;
  version: number;
  passing_level: number;
  max_criteria_below_passing: number;
  minimum_total: number | null;
}

interface ComponentRow {
  id: string;
  title: string;
  description: string;
}

interface CriterionRow {
  id: string;
  component_id: string;
  title: string;
  description: string;
  passing_level: number | null;
}

interface LevelRow {
  criterion_id: string;
  level: number;
  label: string;
  descriptor: string;
}

export function saveCredential(db: Db, credential: MicroCredential): void {
  db.prepare(
    `INSERT INTO micro_credentials (id, title, issuer, stack, competency) VALUES (@id, @title, @issuer, @stack, @competency)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, issuer = excluded.issuer, stack = excluded.stack, competency = excluded.competency`,
  ).run(credential);
}

export function getCredential(db: Db, id: string): MicroCredential | null {
  const row = db.prepare('SELECT * FROM micro_credentials WHERE id = ?').get(id) as CredentialRow | undefined;
  return row ? { id: row.id, title: row.title, issuer: row.issuer, stack: row.stack, competency: row.competency } : null;
}

/** Rubric versions are immutable once stored: a changed rubric is a new version. */
export function saveRubricVersion(db: Db, rubric: RubricVersion): void {
  db.transaction(() => {
    const existing = db.prepare('SELECT 1 FROM rubric_versions WHERE id = ?').get(rubric.id);
    if (existing) return;
    db.prepare(
      `INSERT INTO rubric_versions (id, credential_id, version, passing_level, max_criteria_below_passing, minimum_total)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      rubric.id,
      rubric.credentialId,
      rubric.version,
      rubric.passRule.passingLevel,
      rubric.passRule.maxCriteriaBelowPassing,
      rubric.passRule.minimumTotal,
    );
    const insertComponent = db.prepare(
      'INSERT INTO rubric_components (rubric_version_id, id, position, title, description) VALUES (?, ?, ?, ?, ?)',
    );
    const insertCriterion = db.prepare(
      `INSERT INTO rubric_criteria (rubric_version_id, id, component_id, position, title, description, passing_level)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertLevel = db.prepare(
      'INSERT INTO score_levels (rubric_version_id, criterion_id, level, label, descriptor) VALUES (?, ?, ?, ?, ?)',
    );
    let criterionPosition = 0;
    rubric.components.forEach((component, componentPosition) => {
      insertComponent.run(rubric.id, component.id, componentPosition, component.title, component.description);
      for (const criterion of component.criteria) {
        insertCriterion.run(
          rubric.id,
          criterion.id,
          component.id,
          criterionPosition++,
          criterion.title,
          criterion.description,
          criterion.passingLevel,
        );
        for (const level of criterion.levels) {
          insertLevel.run(rubric.id, criterion.id, level.level, level.label, level.descriptor);
        }
      }
    });
  })();
}

export function getRubricVersion(db: Db, id: string): RubricVersion | null {
  const rubric = db.prepare('SELECT * FROM rubric_versions WHERE id = ?').get(id) as RubricRow | undefined;
  if (!rubric) return null;
  const components = db
    .prepare('SELECT id, title, description FROM rubric_components WHERE rubric_version_id = ? ORDER BY position')
    .all(id) as ComponentRow[];
  const criteria = db
    .prepare(
      `SELECT id, component_id, title, description, passing_level FROM rubric_criteria
       WHERE rubric_version_id = ? ORDER BY position`,
    )
    .all(id) as CriterionRow[];
  const levels = db
    .prepare(
      `SELECT criterion_id, level, label, descriptor FROM score_levels
       WHERE rubric_version_id = ? ORDER BY criterion_id, level`,
    )
    .all(id) as LevelRow[];
  return {
    id: rubric.id,
    credentialId: rubric.credential_id,
    version: rubric.version,
    passRule: {
      passingLevel: rubric.passing_level,
      maxCriteriaBelowPassing: rubric.max_criteria_below_passing,
      minimumTotal: rubric.minimum_total,
    },
    components: components.map((component) => ({
      id: component.id,
      title: component.title,
      description: component.description,
      criteria: criteria
        .filter((criterion) => criterion.component_id === component.id)
        .map((criterion) => ({
          id: criterion.id,
          title: criterion.title,
          description: criterion.description,
          passingLevel: criterion.passing_level,
          levels: levels
            .filter((level) => level.criterion_id === criterion.id)
            .map((level) => ({ level: level.level, label: level.label, descriptor: level.descriptor })),
        })),
    })),
  };
}
