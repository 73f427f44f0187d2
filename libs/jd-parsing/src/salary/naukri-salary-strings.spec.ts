import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { readCsv, sharedDataFile } from '@jdpipe/testing';
import { parseSalary } from './parse-salary';

const csvPath = sharedDataFile('naukri_india', 'naukri_salary_snippets_2025.csv');

describe(
  'parseSalary on real Naukri pay strings',
  { skip: csvPath ? false : 'shared data naukri_india/naukri_salary_snippets_2025.csv not found' },
  () => {
    it('parses nearly every disclosed pay string to a sane annual INR range and nothing from "Not Disclosed"', () => {
      const rows = readCsv(csvPath as string);
      let disclosed = 0;
      let sane = 0;
      const misses: string[] = [];
      for (const row of rows) {
        const salary = parseSalary(row.salary);
        if (!/\d/.test(row.salary)) {
          assert.equal(salary, null, `"${row.salary}" states no pay`);
          continue;
        }
        disclosed++;
        const isSane =
          salary !== null &&
          salary.currency === 'INR' &&
          salary.period === 'annual' &&
          salary.min !== null &&
          salary.min >= 50_000 &&
          (salary.max === null || (salary.max >= salary.min && salary.max <= 50_000_000));
        if (isSane) sane++;
        else misses.push(row.salary);
      }
      const share = disclosed === 0 ? 1 : sane / disclosed;
      console.log(`naukri pay strings: ${rows.length} rows, ${disclosed} disclosed, ${sane} parsed sane (${(share * 100).toFixed(1)}%)`);
      if (misses.length > 0) console.log(`unparsed: ${misses.slice(0, 10).join(' | ')}`);
      assert.ok(disclosed >= 50, 'the file should hold dozens of disclosed pay strings');
      assert.ok(share >= 0.95, `only ${(share * 100).toFixed(1)}% parsed`);
    });
  },
);
