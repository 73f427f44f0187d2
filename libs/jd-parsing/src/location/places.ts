/** Cities and regions postings name most often; enough to recognise a location phrase, not a gazetteer. */
export const INDIAN_CITIES = [
  'Bengaluru', 'Bangalore', 'Bengalore', 'Mumbai', 'Navi Mumbai', 'Thane', 'Pune', 'Pimpri', 'Hyderabad', 'Secunderabad', 'Chennai',
  'Delhi', 'New Delhi', 'Gurugram', 'Gurgaon', 'Noida', 'Greater Noida', 'Ghaziabad', 'Faridabad', 'Kolkata', 'Ahmedabad',
  'Gandhinagar', 'Surat', 'Vadodara', 'Jaipur', 'Indore', 'Bhopal', 'Lucknow', 'Kanpur', 'Chandigarh', 'Mohali', 'Kochi',
  'Cochin', 'Trivandrum', 'Thiruvananthapuram', 'Coimbatore', 'Madurai', 'Mysuru', 'Mysore', 'Mangalore', 'Mangaluru',
  'Nagpur', 'Nashik', 'Visakhapatnam', 'Vizag', 'Vijayawada', 'Bhubaneswar', 'Patna', 'Ranchi', 'Guwahati', 'Dehradun',
  'Goa', 'Raipur', 'Ludhiana', 'Amritsar', 'Jodhpur', 'Udaipur', 'Hubli', 'Belgaum', 'Aurangabad', 'Rajkot', 'Varanasi',
];

export const INDIAN_STATES = [
  'Karnataka', 'Maharashtra', 'Telangana', 'Tamil Nadu', 'Andhra Pradesh', 'Kerala', 'Gujarat', 'Rajasthan', 'Haryana',
  'Uttar Pradesh', 'West Bengal', 'Madhya Pradesh', 'Punjab', 'Odisha', 'Bihar', 'Assam', 'Jharkhand', 'Uttarakhand',
  'Chhattisgarh', 'Delhi NCR', 'NCR',
];

export const WORLD_CITIES = [
  'New York', 'San Francisco', 'Seattle', 'Austin', 'Boston', 'Chicago', 'Los Angeles', 'Denver', 'Atlanta', 'Dallas',
  'Houston', 'Richmond', 'Washington', 'Mountain View', 'Sunnyvale', 'San Jose', 'Palo Alto', 'Toronto', 'Vancouver',
  'Montreal', 'London', 'Manchester', 'Dublin', 'Berlin', 'Munich', 'Paris', 'Amsterdam', 'Zurich', 'Madrid', 'Barcelona',
  'Warsaw', 'Stockholm', 'Singapore', 'Sydney', 'Melbourne', 'Tokyo', 'Dubai', 'Hong Kong', 'Tel Aviv', 'Sao Paulo',
  'Mexico City', 'Bucharest', 'Dublin', 'Kuala Lumpur', 'Jakarta', 'Manila', 'Bangkok', 'Seoul', 'Shanghai', 'Beijing',
  'Calgary', 'Ottawa', 'Edmonton', 'Winnipeg', 'Mississauga', 'Brisbane', 'Perth', 'Adelaide', 'Canberra', 'Auckland',
  'Wellington', 'Christchurch',
];

export const COUNTRIES = [
  'India', 'United States', 'USA', 'United Kingdom', 'UK', 'Canada', 'Germany', 'France', 'Ireland', 'Netherlands',
  'Singapore', 'Australia', 'Japan', 'UAE', 'United Arab Emirates', 'Spain', 'Poland', 'Romania', 'Brazil', 'Mexico',
];

/** Province and territory codes as written after a Canadian city ("Saskatoon, SK"); none clashes with a US state code. */
export const CANADIAN_PROVINCE_CODES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'];

export const US_STATE_CODES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC',
  'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC',
];

const escape = (name: string): string => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (names: string[]): string[] => [...new Set(names)].sort((a, b) => b.length - a.length).map(escape);

export const KNOWN_PLACE_PATTERN = byLength([...INDIAN_CITIES, ...INDIAN_STATES, ...WORLD_CITIES, ...COUNTRIES]).join('|');
export const US_STATE_CODE_PATTERN = US_STATE_CODES.join('|');
export const CANADIAN_PROVINCE_CODE_PATTERN = CANADIAN_PROVINCE_CODES.join('|');
