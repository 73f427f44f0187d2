import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { MAX_DESCRIPTION_CHARS, screenPosting } from './screen-posting';

const RECIPE = `Classic Banana Bread
Ingredients: 3 ripe bananas, 1/3 cup melted butter, 3/4 cup sugar, 1 egg, 1 teaspoon vanilla, 1 teaspoon baking soda, a pinch of salt, 1 1/2 cups flour.
Preheat the oven to 175°C and butter a loaf pan. Mash the bananas in a bowl, then mix in the butter. Stir in the sugar, egg and vanilla.
Sprinkle the baking soda and salt over the mixture and mix in. Add the flour last. Pour the batter into the pan and bake for 60 minutes.`;

const NEWS = `The city council on Tuesday approved a new budget for road repairs, officials said. According to the mayor's office,
the plan will resurface 40 kilometres of streets before the monsoon. "This is long overdue," a spokesperson told reporters.
Opposition members said the money should have gone to public transport, and reported that several contractors had missed deadlines last year.`;

const LOREM = `Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.
Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.`;

const POEM = `I wandered lonely as a cloud
That floats on high o'er vales and hills,
When all at once I saw a crowd,
A host, of golden daffodils;
Beside the lake, beneath the trees,
Fluttering and dancing in the breeze.`;

const REVIEW = `I bought these headphones last month and they are fantastic. The sound is crisp, the battery lasts two days
and the noise cancelling works well on flights. The case feels cheap though. Four stars, would buy again.`;

describe('screenPosting: structural rejections', () => {
  it('rejects empty and whitespace-only text', () => {
    assert.equal(screenPosting('')?.code, 'PARSE.EMPTY');
    assert.equal(screenPosting(' \n\t ')?.code, 'PARSE.EMPTY');
  });
  it('rejects text over the size limit', () => {
    assert.equal(screenPosting('Hiring engineers. '.repeat(MAX_DESCRIPTION_CHARS / 10))?.code, 'PARSE.TOO_LARGE');
  });
  it('rejects binary-looking input', () => {
    const bytes = Array.from({ length: 400 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('');
    assert.equal(screenPosting(bytes)?.code, 'PARSE.NOT_TEXT');
    assert.equal(screenPosting('\uFFFD\uFFFD\u0001\u0002 job \u0003\uFFFD\uFFFD\u0000 engineer \uFFFD\uFFFD')?.code, 'PARSE.NOT_TEXT');
    assert.equal(screenPosting('8f3a9c0e 77b2 4d1e 9a0c 2e5f6a7b8c9d 1234 5678 90ab cdef')?.code, 'PARSE.NOT_TEXT');
  });
  it('rejects non-string input without throwing', () => {
    assert.equal(screenPosting(undefined)?.code, 'PARSE.NOT_TEXT');
    assert.equal(screenPosting(42)?.code, 'PARSE.NOT_TEXT');
  });
});

describe('screenPosting: texts that are not job postings', () => {
  for (const [name, text] of Object.entries({ recipe: RECIPE, news: NEWS, lorem: LOREM, poem: POEM, review: REVIEW, word: 'Engineer' })) {
    it(`rejects a ${name} and names what is missing`, () => {
      const rejection = screenPosting(text);
      assert.equal(rejection?.code, 'PARSE.NOT_A_JD');
      assert.match(rejection?.reason ?? '', /missing|too short/);
    });
  }
});

describe('screenPosting: real postings pass', () => {
  it('accepts a short but real posting', () => {
    assert.equal(screenPosting('Hiring: Staff Nurse, 2 yrs exp, Chennai, salary 25k/month'), null);
  });
  it('accepts a duties-only posting when the title is given', () => {
    assert.equal(
      screenPosting('Develop social media campaigns.\nManage the brand calendar.\nTrack engagement weekly.', 'Social Media Executive'),
      null,
    );
  });
  it('accepts a full posting', () => {
    const posting = `About us\nWe are a fintech company.\nResponsibilities\n- Build APIs\n- Review code\nRequirements\n- 3+ years of Java\nBenefits\n- Health insurance`;
    assert.equal(screenPosting(posting, 'Backend Engineer'), null);
  });
});

describe('screenPosting: fuzz', () => {
  it('never throws on random strings and always returns null or a coded rejection', () => {
    let seed = 20240611;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ 0123456789 .,;:-–—₹$€£%()[]*#\n\t\u0000\uFFFD\u00e9\u4e2d\u{1F600}';
    const chars = [...alphabet];
    for (let i = 0; i < 500; i++) {
      const length = Math.floor(random() * 600);
      const text = Array.from({ length }, () => chars[Math.floor(random() * chars.length)]).join('');
      const result = screenPosting(text);
      if (result !== null) assert.match(result.code, /^PARSE\.(?:EMPTY|TOO_LARGE|NOT_TEXT|NOT_A_JD)$/);
    }
  });
});
