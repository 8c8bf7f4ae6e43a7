/** Word lists that tell a job title from an employer, and a school from a degree. */

export const TITLE_WORDS =
  /\b(?:engineer|engineering manager|developer|programmer|architect|manager|director|head|lead|leader|intern|internship|analyst|consultant|designer|scientist|researcher|specialist|administrator|admin|coordinator|officer|associate|assistant|vp|vice president|president|founder|co-founder|cofounder|owner|partner|cto|ceo|cfo|coo|cio|teacher|instructor|lecturer|professor|tutor|nurse|technician|representative|recruiter|accountant|editor|writer|strategist|advisor|adviser|executive|supervisor|operator|clerk|agent|fellow|apprentice|trainee|sre|devops|qa|tester|product owner|scrum master|staff|principal|senior|junior|sr\.?|jr\.?|chief|member of technical staff|contractor|freelance|freelancer|volunteer|student|postdoc|doctor|physician|pharmacist|therapist|attorney|lawyer|paralegal|mechanic|electrician|chef|cook|cashier|barista|driver|sales|marketing manager|support)\b/i;

export const COMPANY_WORDS =
  /\b(?:inc|inc\.|llc|ltd|ltd\.|limited|gmbh|ag|sa|s\.a\.|plc|corp|corp\.|corporation|company|co\.|group|holdings|labs?|technologies|technology|systems|solutions|software|studios?|partners|ventures|capital|bank|consulting|agency|media|networks|foundation|institute|university|hospital|clinic|health|services|industries|international|global|bv|b\.v\.|oy|ab|as|pty|srl|s\.r\.l\.)\b/i;

// Unicode-aware edges: "Université" ends in a letter \b does not see.
export const SCHOOL_WORDS =
  /(?<![\p{L}\d])(?:university|universit[éàa]t?|universidad|universidade|università|universiteit|universitet|uniwersytet|univerzita|hogeschool|högskola|fachhochschule|college|institute|institut|school|academy|polytechnic|politecnico|politécnica|polytechnique|hochschule|école|ecole|conservatory|seminary|lyceum|gymnasium|vidyalaya|vidyapeeth|mahavidyalaya|iit|iim|nit|bits|mit|ucla|ucl|eth|epfl|kth|tu\s|bootcamp|campus)(?![\p{L}\d])/iu;

export const DEGREE_WORDS =
  /(?<![\p{L}\d])(?:bachelor(?:'s)?|master(?:'s)?|doctor(?:ate)?|ph\.?\s?d\.?|mba|b\.?\s?sc?\.?|m\.?\s?sc?\.?|b\.?\s?a\.?|m\.?\s?a\.?|b\.?\s?eng\.?|m\.?\s?eng\.?|b\.?\s?tech|m\.?\s?tech|b\.?e\.|m\.?e\.|b\.?\s?com|m\.?\s?com|b\.?b\.?a|bca|mca|bs|ms|ba|ma|bsc|msc|beng|meng|llb|llm|jd|md|associate(?:'s)? degree|associate of|diploma|certificate|a\.?a\.?s?\.?|high school diploma|ged|abitur|licence|licenciatura|laurea|grado|baccalauréat|baccalaureate|maîtrise|magister|diplom|hnd|btec|a-levels|gcse|hsc|ssc|sslc|class\s+(?:x|xii|10|12)(?:th)?|(?:10|12)th|intermediate|higher secondary|senior secondary|secondary school certificate|degree|major|minor|concentration)(?![\p{L}\d])/iu;
