// Which screens an emergency's target covers: all, or any screen in any chosen group.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screensCoveredBy, targetCoversScreen, targetGroupIds } from '../../../../controller/server/features/emergencies/targeting.ts';
import { emergencyTargetSchema } from '../../../../shared/protocol/emergency.ts';

const fleet = [
  { id: 'station-1', groupIds: ['station'] },
  { id: 'station-2', groupIds: ['station', 'airport'] },
  { id: 'hall-1', groupIds: ['hall'] },
  { id: 'ungrouped', groupIds: [] },
];

describe('emergency targeting', () => {
  it("covers every screen, grouped or not, for 'all'", () => {
    assert.deepEqual(screensCoveredBy('all', fleet), ['station-1', 'station-2', 'hall-1', 'ungrouped']);
    assert.equal(targetGroupIds('all'), null);
  });

  it('covers a screen in any of the chosen groups, once, and no other', () => {
    assert.deepEqual(screensCoveredBy({ groupIds: ['station', 'airport'] }, fleet), ['station-1', 'station-2']);
    assert.deepEqual(screensCoveredBy({ groupIds: ['hall'] }, fleet), ['hall-1']);
    assert.equal(targetCoversScreen({ groupIds: ['hall'] }, []), false);
  });

  it('covers nothing for a group without screens', () => {
    assert.deepEqual(screensCoveredBy({ groupIds: ['empty'] }, fleet), []);
  });

  it('refuses an empty or repeated group list on the wire', () => {
    assert.equal(emergencyTargetSchema.safeParse({ groupIds: [] }).success, false);
    assert.equal(emergencyTargetSchema.safeParse({ groupIds: ['a', 'a'] }).success, false);
    assert.equal(emergencyTargetSchema.safeParse('everyone').success, false);
  });
});
