import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { PayPeriod } from '../parsed-jd';
import { parseSalary } from './parse-salary';

function expectPay(text: string, currency: string, min: number | null, max: number | null, period: PayPeriod): void {
  const salary = parseSalary(text);
  assert.ok(salary, `no salary found in: ${text}`);
  assert.deepEqual(
    { currency: salary.currency, min: salary.min, max: salary.max, period: salary.period },
    { currency, min, max, period },
    text,
  );
}

describe('parseSalary: Indian rupee formats', () => {
  it('reads ₹ ranges with Western grouping and a "Per Year" period', () => {
    expectPay('***CTC ₹512,498 - ₹848,243 Per Year based on experience****', 'INR', 512498, 848243, 'annual');
  });
  it('reads Indian digit grouping', () => {
    expectPay('Offered CTC: ₹5,12,498 to ₹8,00,000 per annum', 'INR', 512498, 800000, 'annual');
    expectPay('Salary: Rs. 8,00,000 - 12,00,000 P.A.', 'INR', 800000, 1200000, 'annual');
    expectPay('Package INR 12,00,000 pa', 'INR', 1200000, null, 'annual');
  });
  it('reads LPA, lakh, lacs and crore', () => {
    expectPay('CTC 18-25 LPA for the right candidate', 'INR', 1800000, 2500000, 'annual');
    expectPay('Budget up to 12 lakh for this role', 'INR', null, 1200000, 'annual');
    expectPay('Fixed salary 12 lakh plus incentives', 'INR', 1200000, null, 'annual');
    expectPay('Salary: 4.5 lacs', 'INR', 450000, null, 'annual');
    expectPay('15-25 Lacs P.A.', 'INR', 1500000, 2500000, 'annual');
    expectPay('35-37.5 Lacs P.A. (Including Variable: 10%)', 'INR', 3500000, 3750000, 'annual');
    expectPay('Compensation of 1.2 crore per annum for a VP', 'INR', 12000000, null, 'annual');
  });
  it('treats "up to" as a maximum and keeps a monthly period', () => {
    expectPay('Stipend up to ₹40,000 per month during the internship', 'INR', null, 40000, 'monthly');
  });
  it('reads a bare figure after a pay word with k and /month', () => {
    expectPay('Hiring: Staff Nurse, 2 yrs exp, Chennai, salary 25k/month', 'INR', 25000, null, 'monthly');
  });
});

describe('parseSalary: other currencies and periods', () => {
  it('reads dollar ranges with "a year" and k suffixes', () => {
    expectPay('The pay range is $95,000 - $120,000 a year plus equity', 'USD', 95000, 120000, 'annual');
    expectPay('Base salary $120k', 'USD', 120000, null, 'annual');
    expectPay('Rate: USD 60/hour on a 6 month contract', 'USD', 60, null, 'hourly');
    expectPay('Compensation: $14.65 – $18.20 / hr', 'USD', 14.65, 18.2, 'hourly');
    expectPay('Typically, tutors charge $15 to $25 per hour.', 'USD', 15, 25, 'hourly');
    expectPay('Salary: From $43,697.00 per year', 'USD', 43697, null, 'annual');
    expectPay('We pay $30 an hour', 'USD', 30, null, 'hourly');
  });
  it('reads CAD, EUR with European grouping, GBP', () => {
    expectPay('Salary: CAD 85,000 depending on experience', 'CAD', 85000, null, 'annual');
    expectPay('Gehalt €55.000–€65.000 brutto', 'EUR', 55000, 65000, 'annual');
    expectPay('EUR 4,000 per month gross', 'EUR', 4000, null, 'monthly');
    expectPay('Pay: £18.50 per hour', 'GBP', 18.5, null, 'hourly');
    expectPay('GBP 45k-55k depending on experience', 'GBP', 45000, 55000, 'annual');
  });
  it('reads weekly and daily rates', () => {
    expectPay('Salary: $1125 per week for camp staff', 'USD', 1125, null, 'weekly');
    expectPay('Day rate £450 per day outside IR35', 'GBP', 450, null, 'daily');
  });
  it('defaults small dollar amounts to hourly and large ones to annual', () => {
    expectPay('Pay: $22', 'USD', 22, null, 'hourly');
    expectPay('Salary: $62,000 - $83,000', 'USD', 62000, 83000, 'annual');
  });
});

describe('parseSalary: numbers that are not pay', () => {
  const notPay = [
    '5 years of experience in a team of 20 engineers',
    'We closed our Series B $50M funding round last year',
    'Call us on +91 98765 43210 or write to hr@example.com',
    'Austin, TX 78701',
    'We offer a 401(k) with company match and 401k matching',
    'Up to $500.00/year towards continuing education',
    'Salary Range: $1,352/credit',
    'The college has an annual budget of $38 million and an endowment of more than $13.5 million',
    'Founded in 2009, we serve 300 customers in 12 countries',
  ];
  for (const text of notPay) {
    it(`finds no pay in "${text}"`, () => assert.equal(parseSalary(text), null));
  }
  it('prefers the salary over a sign-on bonus in the same posting', () => {
    expectPay('$5,000 sign-on bonus! Pay: $24.03 - $37.34 per hour', 'USD', 24.03, 37.34, 'hourly');
  });
  it('keeps the exact pay phrase as raw', () => {
    assert.equal(parseSalary('CTC ₹512,498 - ₹848,243 Per Year based on experience')?.raw, '₹512,498 - ₹848,243 Per Year');
  });
});

describe('parseSalary: retirement plans next to pay words', () => {
  it('does not read "401k" as pay', () => {
    assert.equal(parseSalary('Competitive salary, 401k matching and dental'), null);
  });
  it('does not read a lone dollar figure without a pay word as pay', () => {
    assert.equal(parseSalary('Our meal vouchers are worth $2 each'), null);
  });
});

describe('parseSalary: which currency a dollar amount is in', () => {
  const canada = { unmarked: 'CAD', dollar: 'CAD' };
  it('lets a currency code after the amount beat the "$"', () => {
    expectPay('Salary: $115,000 – $135,000 CAD per year + bonus', 'CAD', 115000, 135000, 'annual');
    expectPay('Pay: 5,500 SGD per month', 'SGD', 5500, null, 'monthly');
  });
  it('reads a code just before the symbol', () => {
    expectPay('Salary: CAD $85,000 depending on experience', 'CAD', 85000, null, 'annual');
  });
  it('reads prefixed dollar symbols', () => {
    expectPay('S$5,500 - S$7,500 monthly', 'SGD', 5500, 7500, 'monthly');
    expectPay('Salary: A$120,000 plus super', 'AUD', 120000, null, 'annual');
    expectPay('Salary: AU$120,000 per year', 'AUD', 120000, null, 'annual');
    expectPay('Salary: CA$90,000 per year', 'CAD', 90000, null, 'annual');
    expectPay('Salary: C$90,000 per year', 'CAD', 90000, null, 'annual');
    expectPay('Salary: NZ$95,000 per year', 'NZD', 95000, null, 'annual');
    expectPay('Salary: HK$40,000 per month', 'HKD', 40000, null, 'monthly');
    expectPay('Salary: US$60,000 per year', 'USD', 60000, null, 'annual');
  });
  it('reads a bare "$" as the posting\'s dollar', () => {
    const salary = parseSalary('Pay: $24 - $27 per hour', canada);
    assert.deepEqual([salary?.currency, salary?.min, salary?.max, salary?.period], ['CAD', 24, 27, 'hourly']);
  });
  it("keeps a symbol that names one currency whatever the posting's country", () => {
    assert.equal(parseSalary('Salary: £40,000 per annum', canada)?.currency, 'GBP');
    assert.equal(parseSalary('Salary: US$60,000 per year', canada)?.currency, 'USD');
  });
  it('keeps "between $50k and $60k" a range', () => {
    expectPay('Salary between $50k and $60k', 'USD', 50000, 60000, 'annual');
  });
});

describe('parseSalary: extras added after the pay', () => {
  it('keeps a range followed by "+ super", "+ bonus" or "+ car allowance"', () => {
    expectPay('$95k - $110k + super + 10% bonus', 'AUD', 95000, 110000, 'annual');
    expectPay('£55,000 - £65,000 per annum + car allowance', 'GBP', 55000, 65000, 'annual');
  });
  it('still pushes out an amount that is itself the bonus or allowance', () => {
    expectPay('Pay: $45-$52 an hour, plus $4.50/hr night differential and a $10,000 sign-on bonus', 'USD', 45, 52, 'hourly');
    assert.equal(parseSalary('A $5,000 sign-on bonus for new joiners'), null);
  });
  it('reads "monthly" and "hourly" after an amount as periods, not durations', () => {
    expectPay('Salary: €4,000 monthly', 'EUR', 4000, null, 'monthly');
    expectPay('Pay: $20 hourly', 'USD', 20, null, 'hourly');
  });
});

describe('parseSalary: "CAD" as computer-aided design', () => {
  it('does not read "2-3 CAD/CAE software" as pay', () => {
    assert.equal(parseSalary('Should have a min. 2-3 CAD/CAE software handling experience'), null);
    assert.equal(parseSalary('Expert in 2D and 3D CAD design tools'), null);
  });
});
