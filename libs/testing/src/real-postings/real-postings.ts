import { readCsv } from '../shared-data/read-csv';
import { sharedDataFile } from '../shared-data/shared-data';

/** A real posting from the shared evaluation data, in the shape the parser receives. */
export interface RealPosting {
  source: string;
  title: string | null;
  location: string | null;
  description: string;
}

export interface RealPostingSource {
  name: string;
  /** Null when the file is not present (e.g. outside the development machine or CI). */
  path: string | null;
  load: (path: string) => RealPosting[];
}

const lines = (...parts: Array<string | false | undefined>): string =>
  parts.filter((part): part is string => Boolean(part && part.trim())).join('\n');

/**
 * The four real-posting folders. Google and Naukri rows hold fields rather than one text, so they are
 * joined the way their sites display them (Google: headed sections; Naukri: the search-result card).
 */
export const REAL_POSTING_SOURCES: RealPostingSource[] = [
  {
    name: 'linkedin_india_jobs',
    path: sharedDataFile('linkedin_india_jobs', 'LinkedIn_Jobs_Data_India.csv'),
    load: (path) =>
      readCsv(path).map((row) => ({
        source: 'linkedin_india_jobs',
        title: row.title || null,
        location: row.city || null,
        description: row.description,
      })),
  },
  {
    name: 'linkedin_us_teaching_2025',
    path: sharedDataFile('linkedin_us_teaching_2025', 'linkedin_jobs.csv'),
    load: (path) =>
      readCsv(path).map((row) => ({
        source: 'linkedin_us_teaching_2025',
        title: row.title || null,
        location: null,
        description: row.description,
      })),
  },
  {
    name: 'google_job_skills',
    path: sharedDataFile('google_job_skills', 'job_skills.csv'),
    load: (path) =>
      readCsv(path).map((row) => ({
        source: 'google_job_skills',
        title: row.Title || null,
        location: row.Location || null,
        description: lines(
          row.Title,
          row.Responsibilities && `Responsibilities\n${row.Responsibilities}`,
          row['Minimum Qualifications'] && `Minimum qualifications\n${row['Minimum Qualifications']}`,
          row['Preferred Qualifications'] && `Preferred qualifications\n${row['Preferred Qualifications']}`,
        ),
      })),
  },
  {
    name: 'naukri_india/salary_snippets',
    path: sharedDataFile('naukri_india', 'naukri_salary_snippets_2025.csv'),
    load: (path) =>
      readCsv(path).map((row) => ({
        source: 'naukri_india/salary_snippets',
        title: row.title || null,
        location: row.clean_location || null,
        description: lines(
          row.title,
          `Experience: ${row.experience}`,
          `Salary: ${row.salary}`,
          `Location: ${row.location}`,
          row.skills && `Skills: ${row.skills}`,
          row.description,
        ),
      })),
  },
  {
    name: 'naukri_india/roles_keyskills',
    path: sharedDataFile('naukri_india', 'naukri_roles_keyskills_2025.csv'),
    load: (path) => {
      const seen = new Set<string>();
      return readCsv(path)
        .filter((row) => !seen.has(row.job_id) && Boolean(seen.add(row.job_id)))
        .map((row) => ({
          source: 'naukri_india/roles_keyskills',
          title: row.title || null,
          location: null,
          description: lines(
            row.title,
            `Company: ${row.company}`,
            `Role: ${row.role}`,
            `Employment Type: ${row.employment_type}`,
            `Education: UG: ${row.education_UG}; PG: ${row.education_PG}`,
            `Key skills: ${row.key_skills}`,
          ),
        }));
    },
  },
];
