/* parse_article.c: draws announced in news articles, HTML or plain text.
 *
 * The page is reduced to paragraphs and tables (article_doc.c).  Tables
 * with a date column and an invitations or CRS column give one draw a row.
 * Prose is read sentence by sentence with the patterns below (PCRE2,
 * compiled once): the values a run of sentences states about one draw are
 * gathered until a sentence states a different value or date, which starts
 * the next draw.  A draw is emitted only with a date and at least one of
 * invitations and CRS cutoff, every value as the text states it: a wrong
 * record is worse than a missed one, so nothing is guessed. */
#define PCRE2_CODE_UNIT_WIDTH 8
#define _GNU_SOURCE		/* strcasestr */
#include <ctype.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "article.h"
#include "datetime.h"
#include "parse.h"

/* A count as news sites write it: "4,300", "4 300", "3.350", "7000",
 * "4.5K" (number_at() reads them). */
#define NUM "(\\d{1,3}(?:[,.\\x{a0}\\x{202f} ]\\d{3})+|\\d{1,2}(?:\\.\\d)?[Kk]\\b|\\d+)"
#define MONTH "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|" \
	"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
/* Before a year of this century in two digits: "Dec 16 '25". */
#define APOSTROPHE "\\s?(?:'|’|‘)"
/* The provinces and territories, and their nominee programs. */
#define PROVINCES "OINP|BC\\s?PNP|MPNP|SINP|AAIP|AINP|NSNP|NBPNP|PEI\\s?PNP|Arrima|" \
	"Ontario|Qu[eé]bec|British Columbia|Alberta|Saskatchewan|Manitoba|" \
	"Nova Scotia|New Brunswick|Prince Edward Island|Newfoundland(?: and Labrador)?|" \
	"Yukon|Northwest Territories"
/* After a score and a dash, a digit that is no range's end but a day's
 * start: "CRS 711 - 5 January 2026". */
#define NOT_DAY "(?!\\d?(?:st|nd|rd|th)?\\s+(?:of\\s+)?" MONTH "\\b)"
#define WEEKDAY "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
/* The people a draw invites, as a count names them: "4,300 candidates",
 * "1,500 French speakers", "500 tradespeople". */
#define PEOPLE "(?:candidates|applicants|profiles|people|immigrants|foreign nationals|" \
	"individuals|workers|professionals|newcomers|nominees|persons|speakers|" \
	"tradespeople|tradespersons|hopefuls|graduates|doctors|physicians|nurses|" \
	"teachers|educators|engineers)"
/* Who scored the cut-off: "the lowest-ranked candidate", "the last
 * person invited". */
#define LAST_INVITED "(?:lowest[- ]ranked|last)\\s+(?:candidate|person|applicant|invitee)"
/* After a score, "and 490" ends a range; "and 4,300 candidates were
 * invited" is the count. */
#define AND_RANGE "and\\s+\\d(?![\\d,.]*\\s+(?:invitations|ITAs?|received|were|got|" \
	"(?:[^\\W\\d][\\w\\-]*\\s+){0,3}?" PEOPLE ")\\b)"

/* A name that opens a page's date line: "Asha Rao Updated: ...". */
#define AUTHOR "^(?-i:[A-Z][\\w.'’\\-]*(?:\\s+[A-Z][\\w.'’\\-]*){0,3})\\s+"
/* A forum user's handle, with an underscore or a digit: "maple_dreamer". */
#define HANDLE "^(?=[\\w.\\-]*[_\\d])[\\w.\\-]{3,30}\\s+"

enum pat_id {
	P_ITA_VERB, P_ITA_NOUN, P_ITA_LABEL, P_ITA_TO,
	P_CRS_LABEL, P_CRS_MIN, P_CRS_WORD, P_CRS_OR_MORE, P_CRS_SCORED,
	P_DATE_MDY, P_DATE_DMY, P_DATE_ISO, P_DATE_NUM, P_DATE_REL, P_DATE_WEEKDAY,
	P_TIEBREAK, P_AGGREGATE, P_IN_TOTAL, P_APPROX, P_NUMBER, P_PUBLISHED, P_UPDATED, P_NOT_DRAW,
	P_URL_PATH, P_URL_ISO, P_URL_MDY, P_URL_DMY, P_URL_MY, P_INLINE_HEADER, P_INLINE_ROW,
	P_RUN_SPLIT,
	P_ITA_PASSIVE, P_FUTURE, P_SUPERLATIVE, P_RANK_SCOPE, P_DRAW_CLAUSE, P_PROFILE_DATE,
	P_THIS_DRAW, P_THIS_REF, P_VAGUE_DAY, P_TIEBREAK_SENTENCE,
	P_OTHER_DRAW, P_AFTER_MONTH, P_FLAT_ROW, P_FLAT_HEADER, P_COMPARE, P_RESPECTIVELY,
	P_DIFF_AFTER, P_APPOSED_DATE, P_OTHER_DATE, P_THAT_REF, P_CRS_MOVED,
	P_AFTER_DAY, P_FIELD, P_OTHER_HINT, P_ITA_DRAW, P_ITA_BARE,
	P_CRS_THRESHOLD, P_INVITING, P_POOL_TALK, P_DAY_DASH, P_CRS_UNIT, P_PROVINCIAL,
	P_FEDERAL, P_FIELD_CAT, P_BYLINE, P_DRAW_WORD, P_PROVINCIAL_UNIT, P_DATELINE, P_ROUND_WAS,
	P_CITY_DATELINE, P_OWN_STREAM, P_DAY_LATER, P_ROW_LINE, P_ORDER_HINT, P_PAIR,
	P_PROVINCE_HEADING, P_HEARSAY, P_OWN_SCORE, NPAT
};

/* The one table of patterns; group 1 is the value. */
static const char *const pat_src[NPAT] = {
	/* "invited 700 candidates", "issued 3,000 invitations" */
	[P_ITA_VERB] = "\\b(?:invit(?:ed|es|ing)|issu(?:e|ed|es|ing)|sent|sends|sending|extended|"
	               "rolled out|released|handed out|dished out|grant(?:ed|s|ing)|"
	               "target(?:ed|s|ing)|picked|selected|chose|drew|limited\\s+to)\\s+(?:out\\s+)?"
	               "(?:a\\s+total\\s+of\\s+|an?\\s+additional\\s+|another\\s+|only\\s+|just\\s+)?"
	               NUM "\\s+(?:[^\\W\\d][\\w\\-’']*\\s+){0,6}?(?:invitations|ITAs?\\b|" PEOPLE ")",
	/* "4,500 invitations to apply", "1,500 ITAs", "1,350 CEC invitations",
	 * "3,000 Canadian Experience Class invitations" */
	[P_ITA_NOUN] = "(?<![\\d,.#])" NUM "\\s+(?:new\\s+|more\\s+)?"
	               "(?:(?:CEC|PNP|FSW|FST|STEM|French(?:[\\s\\-]language)?|healthcare|trades?|"
	               "transport|agriculture|education|all-program)\\s+|"
	               "(?-i:[A-Z][\\w\\-]*\\s+){1,4})?(?:invitations|ITAs?\\b|invites\\b)",
	/* "issued Invitations to Apply (ITAs) for permanent residence to 750
	 * candidates", "sending invitations to 4,300 candidates": the words
	 * before the count are the pattern's own. */
	[P_ITA_TO] = "(?|\\b(?:issu(?:ed|ing)|sen(?:t|ding)|extend(?:ed|ing)|gave|giving|handed)\\s+"
	             "(?:invitations|ITAs?)\\b"
	             "(?:\\s+to apply)?"
	             "(?:\\s*\\(ITAs?\\))?(?:\\s+(?:for|under)(?:\\s+[^\\W\\d][\\w\\-’']*){1,4}?)?"
	             "\\s+to\\s+" NUM "\\s+(?:[^\\W\\d][\\w\\-’']*\\s+){0,3}?"
	             PEOPLE "\\b|"
	             "\\b(?:invitations|ITAs?)(?:\\s+to apply)?\\s+(?:were\\s+|have been\\s+)?"
	             "(?:issued|sent|extended|went|handed out|given)\\s+to\\s+" NUM "\\s+"
	             "(?:[^\\W\\d][\\w\\-’']*\\s+){0,3}?" PEOPLE "\\b)",
	/* "inviting 500 with a minimum CRS score of 460", "invited 500, the
	 * fewest ...": invited and a number alone, before what qualifies it. */
	[P_ITA_BARE] = "\\binvit(?:ed|es|ing)\\s+(?:a\\s+total\\s+of\\s+|another\\s+)?" NUM
	               "(?=\\s+(?:with|who|whose|at|to apply|from|under)\\b|\\s*[,;.](?!\\d)|\\s*$)",
	/* "a draw of 4,300 candidates", "the draw was for 4,300 candidates",
	 * "the draw size was 4,300" */
	[P_ITA_DRAW] = "(?|\\b(?:draw|round)\\s+(?:(?:was|is)\\s+)?(?:of|for)\\s+" NUM "\\s+"
	               "(?:candidates|invitations|ITAs?\\b|applicants|people)|"
	               "\\bround\\s+of\\s+invitations\\s+(?:with|for|to)\\s+" NUM "\\s+"
	               "(?:[^\\W\\d][\\w\\-’']*\\s+){0,3}?" PEOPLE "|"
	               "\\b(?:draw|round)\\s+size\\s*(?:was|is|of|:)?\\s*" NUM "\\b)",
	/* "Number of invitations issued: 3,000", "Invitations: 3,000" */
	[P_ITA_LABEL] = "(?|\\bnumber of (?:invitations(?: to apply)?|ITAs)(?: issued)?\\s+[^.;:]{1,60}?\\s+"
	                "(?:was|were|stood at|totall?ed|came to)\\s+" NUM "|"
	                "(?:\\b(?:number of (?:invitations(?: to apply)?|ITAs)(?: issued)?|"
	                "invitations issued|ITAs issued|no\\.? of ITAs|"
	                "(?:(?:candidates|applicants|profiles|people|number)\\s+|^\\W{0,3})invited(?=\\s*[:：]))"
	                "(?:\\s*\\(ITAs?\\))?"
	                "\\s*[:：–—-]?|\\b(?:invitations(?: to apply)?|ITAs?)(?:\\s*\\(ITAs?\\))?\\s*[:：]|"
	                "^\\W{0,3}(?:invitations(?: to apply)?|ITAs?)(?:\\s*\\(ITAs?\\))?\\s+[–—-])"
	                "\\s*" NUM ")",
	/* "CRS score of lowest-ranked candidate invited: 470", "CRS of the
	 * lowest-ranked candidate: 479", "the lowest-ranked candidate had a
	 * score of 470", "The score of the last person invited was 462", "a
	 * Comprehensive Ranking System ("CRS") score of 223" */
	[P_CRS_LABEL] = "(?|\\b(?:CRS\\s+(?:score\\s+)?|score\\s+)of (?:the )?" LAST_INVITED "(?: invited)?"
	                "(?:\\s+in (?:this|the) (?:round|draw))?(?:\\s+(?:was|is))?\\s*[:：-]?\\s*" NUM "|"
	                "\\b(?:lowest[- ]ranked|" LAST_INVITED ")(?: invited)?\\s+"
	                "(?:had|has|with|scored|received)"
	                "(?:\\s+an?)?(?:\\s+(?:CRS|comprehensive ranking system)"
	                "(?:\\s*\\([“\"]?CRS[”\"]?\\))?)?(?:\\s+score)?(?:\\s+of)?\\s+" NUM ")",
	/* "minimum CRS score of 511", "a lowest-ranked score of 505",
	 * "cut-off score of 442", "minimum score of 682", "The cut-off: 486
	 * points", "the qualifying score was 481", "the score requirement was
	 * 505", "cutoff for this draw: 493", "the cut-off came in at 500" */
	[P_CRS_MIN] = "\\b(?:minimum|lowest(?:[- ]ranked)?|cut-?off|cutoff|cut off|threshold|qualifying|"
	              "(?:CRS\\s+)?score\\s+(?:requirement|needed|required))(?:\\s+|(?=\\s*[:：]))"
	              "(?:comprehensive ranking (?:system|score)\\s*)?(?:\\([“\"]?CRS[”\"]?\\)\\s*)?(?:CRS\\s+)?"
	              "(?:cut-?off\\s+|cutoff\\s+)?(?:score|points|mark)?\\s*"
	              "(?:(?:required\\s*)?(?:[a-z\\-]+\\s+){0,5}?(?:[a-z\\-]+(?=[:：]))?"
	              "(?:of|was|were|:|at|is|[–—]|-(?=\\s)|stood at|set at|was set at|was at|"
	              "came in at|settled at|landed at))?\\s*"
	              "(?:at least\\s+|just\\s+)?" NUM "\\b(?!\\s*(?:candidates|invitations|ITAs|"
	              "profiles|to\\s+\\d|[-–]\\s*\\d" NOT_DAY "|" AND_RANGE "))",
	/* "a CRS score of 522", "CRS cut-off 491", "CRS cut-off: 491", "(CRS)
	 * score of 496" */
	[P_CRS_WORD] = "\\b(?:CRS|comprehensive ranking system)\\)?(?:\\s+|(?=\\s*[:：]))(?:cut-?off\\s*|cutoff\\s*)?(?:score|points|requirement)?"
	               "\\s*(?:of|was|:|at|is|stood at|[–—]|-(?=\\s))?\\s*(?:at least\\s+)?" NUM
	               "\\b(?!\\s*(?:candidates|invitations|ITAs|profiles|to\\s+\\d|"
	               "[-–]\\s*\\d" NOT_DAY "|" AND_RANGE "))",
	/* "461 or more CRS points", "886 points or more under the CRS" */
	[P_CRS_OR_MORE] = "(?<![\\d,.#])" NUM "\\s+(?:or (?:more|higher|above)\\s+"
	                  "(?:comprehensive ranking system\\s*)?(?:\\(CRS\\)\\s*)?(?:CRS\\s+)?points|"
	                  "(?:CRS\\s+)?points or (?:more|higher|above)\\s+(?:under|in|on)\\s+(?:the\\s+)?"
	                  "(?:CRS|comprehensive ranking system))\\b",
	/* "who scored at least 521 points in the CRS", "with Comprehensive
	 * Ranking Scores as low as 357" */
	[P_CRS_SCORED] = "(?|\\b(?:scored|scoring|score)\\s+(?:at least\\s+)?" NUM "\\s+(?:CRS\\s+)?"
	                 "(?:points\\s+)?(?:in|on|under)\\s+the\\s+(?:CRS|comprehensive ranking system)\\b|"
	                 "\\bscores?\\s+as\\s+low\\s+as\\s+" NUM "\\b(?!\\s*(?:candidates|invitations|ITAs)))",
	/* "with scores of 486 or above", "who scored 486 or more", "scoring at
	 * least 486", "needed 486 points", "a score of 486 was needed",
	 * "needed 486 or more", "needed a score of at least 481", "had to
	 * score 481", "all with at least 529 points", "those with 486 points
	 * or more", "it took a score of 529", "scores started at 529", "529
	 * was the lowest score", "the required score was 481", "with 1,000
	 * ITAs and a 470 cut-off", "1,468 invited at 457", "3,000 ITAs @
	 * 529": a cut-off where the sentence invites or goes on with the draw
	 * being read (threshold()), not where it counts the pool ("5,000
	 * candidates with scores of 500 or above"). */
	[P_CRS_THRESHOLD] = "(?|\\bscores?\\s+of\\s+" NUM "\\s+(?:points\\s+)?(?:and|or)\\s+"
	                    "(?:above|higher|more|over)\\b|"
	                    "\\bscores?\\s+of\\s+at\\s+least\\s+(\\d{3})\\b|"
	                    "\\b(?:needed|required|took)\\s+(\\d{3})\\s+(?:CRS\\s+)?(?:points\\s+)?to\\s+"
	                    "(?:make\\s+the\\s+cut|get|receive|earn|secure|be\\s+invited)\\b|"
	                    "\\bscor(?:ed|ing)\\s+" NUM "\\s+(?:points\\s+)?or\\s+(?:more|higher|above)\\b|"
	                    "\\bscor(?:ed|ing)\\s+at\\s+least\\s+(\\d{3})\\b(?!\\s*(?:points?\\s+)?"
	                    "(?:on|in|under)\\s+the\\s+(?!CRS|comprehensive))|"
	                    "\\b(?:needed|required|needing|requiring)\\s+(?:at least\\s+|a minimum of\\s+)?"
	                    "(\\d{3})\\s+(?:CRS\\s+)?points\\b|"
	                    "\\b(?:needed|required|needing|requiring)\\s+(\\d{3})\\s+(?:CRS\\s+)?(?:points\\s+)?"
	                    "or\\s+(?:more|higher|above)\\b|"
	                    "\\b(?:(?:needed|required|needing|requiring)\\s+a|had\\s+to\\s+have\\s+a|with\\s+a)"
	                    "\\s+(?:CRS\\s+)?score\\s+of\\s+at\\s+least\\s+(\\d{3})\\b|"
	                    "\\bhad\\s+to\\s+score\\s+(?:at\\s+least\\s+)?(\\d{3})\\b|"
	                    "\\ban?\\s+(\\d{3})(?:[-\\s]+points?)?[-\\s]+(?:CRS\\s+)?cut-?off\\b|"
	                    "\\b(?:invited|invitations|ITAs?|invites|" PEOPLE ")\\s+(?:at|@)\\s+"
	                    "(\\d{3})\\b(?![:.]\\d|\\s*(?:%|percent|[ap]\\.?m\\b))|"
	                    "\\bat\\s+least\\s+(\\d{3})\\s+(?:CRS\\s+)?points\\b|"
	                    "(?<![\\d,.#])(\\d{3})\\s+(?:CRS\\s+)?points\\s+or\\s+(?:more|higher|above)\\b|"
	                    "\\bscore\\s+of\\s+(\\d{3})\\s+(?:points\\s+)?(?:was|were)\\s+(?:needed|required|"
	                    "enough|sufficient)\\b|"
	                    "\\btook\\s+an?\\s+(?:CRS\\s+)?score\\s+of\\s+(?:at least\\s+)?(\\d{3})\\b|"
	                    "\\bscores?\\s+(?:started|began)\\s+at\\s+(\\d{3})\\b|"
	                    "(?<![\\d,.#])(\\d{3})\\s+was\\s+the\\s+(?:lowest|minimum|cut-?off)\\b|"
	                    "\\bthe\\s+required\\s+(?:CRS\\s+)?score\\s+(?:was|is|of)\\s+(\\d{3})\\b)",
	/* "486 CRS (4,300 ITAs)", "529 CRS points", "557 points, 1,500
	 * invitations": a score before its unit, taken where the sentence
	 * counts the invitations too (unit_score()). */
	[P_CRS_UNIT] = "(?<![\\d,.#$+])(?<!\\badditional\\s|\\bextra\\s|\\bbonus\\s|\\banother\\s|"
	              "\\bworth\\s|\\bearn\\s|\\bearns\\s|\\bearned\\s|\\bget\\s|\\bgets\\s|"
	              "\\bgot\\s|\\breceive\\s|\\breceives\\s|\\baward\\s|\\bawarded\\s|"
	              "\\badd\\s|\\badds\\s|\\badded\\s|\\bgive\\s|\\bgives\\s|\\bgain\\s|"
	              "\\bgains\\s|\\bgained\\s|\\bplus\\s)"
	              "(\\d{3})\\s*(?:CRS(?:\\s+(?:points|score))?|points)\\b"
	              "(?!\\s*(?:or|and|more|fewer|higher|lower|less|above|below|over|under|for|"
	              "from|to|in|on|are|were|is|was|ahead|behind|short|away|up|down|"
	              "increase|decrease|drop|jump|bonus|boost|added|extra)\\b)",
	/* Where a threshold is an invitation's, and where it is the pool's. */
	[P_INVITING] = "\\binvit|\\bITAs?\\b",
	[P_POOL_TALK] = "\\bpool\\s+(?:held|had|has|contained|contains|included|includes)\\b|"
	                "\\bin\\s+the\\s+(?:express entry\\s+)?pool\\b|"
	                "\\bnumber\\s+of\\s+(?:candidates|profiles)\\b",
	/* "the cut-off score dropped to 486", "the minimum CRS fell by 5
	 * points to 486", a headline's "CRS down to 397": where a value moved
	 * to is the draw's own (where it moved from is P_COMPARE's). */
	[P_CRS_MOVED] = "\\b(?:cut-?off|cutoff|minimum|CRS|score)\\b[^.;\\d]{0,40}?\\b"
	                "(?:dropped|fell|decreased|declined|rose|increased|climbed|jumped|"
	                "slipped|dipped|went (?:up|down)|came down|edged (?:up|down)|moved|"
	                "drops|falls|decreases|declines|rises|increases|climbs|jumps|slips|dips|"
	                "goes (?:up|down)|comes down|edges (?:up|down)|moves|down)\\s+"
	                "(?:[\\w\\-]+\\s+){0,3}?to\\s+" NUM "\\b(?!\\s*(?:candidates|invitations|ITAs|"
	                "profiles|[-–]\\s*\\d))",
	[P_DATE_MDY] = "\\b" MONTH "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b"
	               "(?|,?\\s*(\\d{4})\\b|" APOSTROPHE "(\\d{2})\\b)?",
	/* "13 May 2025", "13th of May", "13-May-2025" */
	[P_DATE_DMY] = "\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(?:of\\s+)?|-(?=[A-Za-z]{3,9}-\\d{4}\\b))"
	               MONTH "\\b(?|,?(?:\\s*|-)(\\d{4})\\b|" APOSTROPHE "(\\d{2})\\b)?",
	[P_DATE_ISO] = "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b",
	/* "27/06/2023", "06/27/2023", "27-06-2023", "27.06.2023", "2023/06/27": which of the
	 * first two is the day is for numeric_date() to tell. */
	[P_DATE_NUM] = "(?<![\\d/.-])(?:(\\d{1,2})([/.-])(\\d{1,2})\\2(20\\d\\d)|"
	               "(20\\d\\d)/(\\d{1,2})/(\\d{1,2}))(?![\\d/-])",
	[P_DATE_REL] = "\\b(today|yesterday|tonight|this (?:morning|afternoon))(?:’s|'s)?\\b",
	/* "on Monday", "Thursday's trades round" */
	[P_DATE_WEEKDAY] = "(?|\\b(?:on|this|last|held|since)\\s+(" WEEKDAY ")\\b|"
	                   "\\b(" WEEKDAY ")[’']s\\s+(?:[\\w\\-]+\\s+){0,3}?(?:draw|round)\\b)",
	/* Dates of other things: tie-break cut-offs, profile submission, the
	 * draw another is compared with ("than the draw on", "from the
	 * previous one on"; not "candidates from the pool on", whose "on"
	 * dates the draw being read). */
	[P_TIEBREAK] = "tie[- ]?break|before\\s*$|prior to\\s*$|submitted|created their|"
	               "profiles? (?:entered|submitted)|until\\s*$|after\\s*$|by\\s*$|since\\s*$|"
	               "between\\s*$|from\\s*$|deadline|(?:following|follows|than|since|"
	               "compared (?:to|with)|after)\\s+(?:the\\s+)?(?:(?!on\\s)[a-z\\-]+\\s+){0,3}?"
	               "(?:(?:draws?|rounds?|one)\\s+(?:on|of|held on|from)\\s*)?$|"
	               "from\\s+(?:the\\s+)?(?:(?!on\\s)[a-z\\-]+\\s+){0,3}?"
	               "(?:draws?|rounds?|one)\\s+(?:on|of|held on|from)\\s*$",
	/* After a date: the words that describe its draw ("October 7, 2024, PNP
	 * draw, which issued ..."). */
	[P_DRAW_CLAUSE] = "\\G,?\\s*(?:[\\w\\-]+\\s+){0,3}?(?:draw|round)\\s*,?\\s*"
	                  "(?:which|that|in which|where)\\b",
	/* Before a date: a profile's cut-off time, never a round's day. */
	[P_PROFILE_DATE] = "tie[- ]?break|before|prior to|submitted|created|entered|until|"
	                   "\\bby\\s*$|deadline",
	/* Sentences whose dates are a profile's or a tie-break's, never a round's. */
	[P_TIEBREAK_SENTENCE] = "tie[- ]?break|profiles? (?:were |was )?(?:submitted|created|entered)|"
	                        "created their|submitted their",
	/* A table row flattened to a line: "September 29 Provincial Nominee
	 * Program 291 855", "July 18French language proficiency1,800400". */
	[P_FLAT_ROW] = "^\\s*" MONTH "\\.?\\s+(\\d{1,2})(?:(?:st|nd|rd|th)(?![a-z]))?(?:[,.]\\s*(\\d{4}))?"
	               "\\s*([^\\d]*?)\\s*(\\d[\\d,. ]*\\d|\\d)\\s*$",
	/* A table's row on a line of its own, its cells parted by bars,
	 * dashes, dots, tabs, double colons or spaces: maybe the round's
	 * number (group 1), its day (2; 3 and 4 are its month), its type (5),
	 * then two numbers, its count and cut-off in an order the table tells
	 * (6, 7): "Round 386 – 15 Dec 2025 – PNP – 399 – 731", "418
	 * 2026-05-28 Canadian Experience Class 3000 518", "July 22 –
	 * Healthcare – 4,000 – 475", "Mon Nov 10   PNP   714   738", "12
	 * March :: general :: 2,850 :: 525", "Aug 4: PNP 512 (760)". */
	[P_ROW_LINE] = "^\\W{0,3}(?:(?:round|draw|no\\.?)?\\s*#?(\\d{1,4})(?!\\d)"
	               "(?:[.)]|\\s*[|–—·•]|\\s+-|\\s)\\s*)?"
	               "(?:(?:" WEEKDAY "|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\\.?,?\\s+)?"
	               "(" MONTH "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4}|" APOSTROPHE "\\d{2}\\b)?|"
	               "\\d{1,2}(?:st|nd|rd|th)?\\s+" MONTH "\\.?(?:,?\\s+\\d{4}|" APOSTROPHE "\\d{2}\\b)?|"
	               "\\d{1,2}-[A-Za-z]{3,9}-\\d{4}|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}[/.-]\\d{1,2}[/.-]20\\d\\d|"
	               "20\\d\\d/\\d{1,2}/\\d{1,2})"
	               "(?:\\s*(?:::|[|–—·•,;:\\t])\\s*|\\s+-\\s+|\\s+)(.*?)"
	               "(?:\\s*(?:::|[|–—·•;\\t(])\\s*|(?<!\\d)\\s*,\\s*|\\s+-\\s+|\\s+)"
	               "(\\d{1,3}(?:,\\d{3})+|\\d{1,5})(?:\\s*(?:::|[|–—·•,;/\\t(])\\s*|\\s+-\\s+|\\s+)"
	               "(\\d{1,3}(?:,\\d{3})+|\\d{1,5})\\W*$",
	/* A count and its cut-off paired by "at": "6,000 at 357", "(423 at
	 * 749)", "4,750 CEC candidates at 461"; not a range or a threshold
	 * ("at 451-500", "at 500 or above"). */
	[P_PAIR] = "(?<![\\d,.#$])(\\d{1,3}(?:,\\d{3})+|\\d{2,5})\\s+(?:[^\\W\\d][\\w\\-’']*\\s+){0,3}?"
	           "(?:at|@)\\s+(\\d{3})\\b(?![:.,]?\\d|\\s*(?:[-–+%]|percent|[ap]\\.?m\\b|or\\b|and\\s+"
	           "(?:above|over|more|higher)|points?\\s+or\\b))",
	/* A header or a note that says how its days are written in numbers:
	 * "Date (DD/MM/YYYY)", "mm-dd-yyyy". */
	[P_ORDER_HINT] = "\\b(dd|mm)[/.\\-](?:mm|dd)[/.\\-](?:yyyy|yy)\\b",
	/* A table flattened into one line of a paragraph: its header, the
	 * words before its first row ("... in 2024 Date Draw Type Number of
	 * ITAs Minimum CRS September 9 ..."), and where each row starts (a
	 * day after the previous row's last number). */
	[P_INLINE_HEADER] = "\\b(?:draw\\s+)?date\\b(?=[^\\d]{0,120}?(?:ITA|invitation))"
	                    "(?=[^\\d]{0,120}?(?:CRS|cut-?off|score))[^\\d]{0,120}?"
	                    "(?=\\s" MONTH "\\.?\\s+\\d{1,2}\\b)",
	[P_INLINE_ROW] = "(?<=\\d)\\s+(?=" MONTH "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b)",
	/* Rows run together on one line, parted by a dash or a semicolon
	 * before each day: "July 17: 6,300 / 515 - July 31: 5,000 / 510". */
	[P_RUN_SPLIT] = "(?<=\\d|\\))(?:\\s*;|\\s+[-–—])\\s+(?=" MONTH "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|"
	                "\\d{1,2}(?:st|nd|rd|th)?\\s+" MONTH "\\b)",
	/* Its header line: "Date Draw Type Number of ITAs Minimum CRS". */
	[P_FLAT_HEADER] = "^(?=.*\\bdate)(?=.*(?:ITA|invitation))(?=.*(?:CRS|cut-?off|score))[^\\d]{0,120}$",
	/* "January 31": a day, not a count. */
	[P_AFTER_MONTH] = "\\b" MONTH "\\.?\\s*$",
	/* "June 27, 2023", "27 June 2023": after a day, a number that can be a
	 * round's year is that, not a count ("Date: June 27, 2023 Invitations:
	 * 4,300"); "On September 26, 3000 applicants" is a count. */
	[P_AFTER_DAY] = "(?:\\b" MONTH "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|"
	                "\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" MONTH "\\.?),?\\s*$",
	/* "June 27 – 486 points": a day, then a dash, is no range's start. */
	[P_DAY_DASH] = "(?:\\b" MONTH "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|"
	               "\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" MONTH "\\.?)\\s*[-–—]\\s*$",
	/* Values of another draw than the one the paragraph dates: "the
	 * previous round", "For comparison, ...". */
	[P_OTHER_DRAW] = "\\b(?:(?:previous|last|prior|earlier|preceding) (?:[\\w\\-]+ ){0,2}"
	                 "(?:draws?|rounds?)|(?:for|by) comparison)\\b",
	/* Where a sentence turns to another draw to compare: "542, a decrease
	 * from 557 on July 6", "up from 1,500 in the last round", "down
	 * slightly from the previous round", "down one point from", "higher
	 * than the previous draw on October 29, which ...", "compared with
	 * 480 on June 5".  What follows is not the draw being read's. */
	[P_COMPARE] = "\\b(?:(?:(?:up|down)(?:\\s+(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
	              "(?:\\s+points?)?)?(?:\\s+(?:slightly|sharply|marginally|a\\s+(?:little|bit)))?|"
	              "(?:a|the)\\s+(?:decrease|drop|decline|increase|rise|"
	              "jump|dip|fall|change)|an\\s+(?:increase|uptick|upswing)|"
	              "(?:decreas|increas)(?:e|ed|es|ing)|dropp(?:ed|ing)|drops?|fell|falling|"
	              "rose|rising|climb(?:ed|ing)?|jump(?:ed|ing)?|slipp(?:ed|ing)|"
	              "dipp(?:ed|ing))\\s+from|(?<=\\d)\\s+from\\s+(?=\\d)|compared\\s+(?:to|with)|"
	              "in\\s+comparison\\s+"
	              "(?:to|with)|versus|vs\\.?|than\\s+(?:the|that|those|in|on|at|its|last)\\b)",
	/* After a number, a difference: "300 fewer candidates", "500 more
	 * ITAs than June's round". */
	[P_DIFF_AFTER] = "\\G\\s+(?:fewer|less)\\b|"
	                 "\\G\\s+(?:more|additional)\\b(?=[^.;]{0,40}?\\bthan\\b)",
	/* "... 8,000 and 6,000 invitations were sent, respectively": values
	 * of several draws, which are whose is for the order to say. */
	[P_RESPECTIVELY] = "\\brespectively\\b",
	/* Sentences that total several draws. */
	[P_AGGREGATE] = "\\b(?:so far|this year|year to date|year-to-date|"
	                "total number|cumulative|altogether|overall|combined|"
	                "(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple)\\s+"
	                "(?:different\\s+|separate\\s+)?(?:express entry\\s+)?(?:draws|rounds)|"
	                "draws this week|across|each of|in 20\\d\\d\\b(?! draw)|since (?:the )?start)",
	/* "In total, 380 candidates were invited": a total, unless of one
	 * draw, by its one cut-off (sentence_values()). */
	[P_IN_TOTAL] = "\\bin total\\b",
	/* ", the highest minimum CRS score of any draw": the rank of a value. */
	[P_SUPERLATIVE] = "[,—–]\\s*(?:the|one of the|marking the|which (?:is|was) the)\\s+"
	                  "(?:[\\w\\-]+\\s+){0,2}?(?:highest|lowest|largest|smallest|biggest|"
	                  "fewest|most)\\b",
	/* After a superlative, the draws it ranks among: "ever", "since",
	 * "of any", "outside February's record draw". */
	[P_RANK_SCOPE] = "\\G[^.;]{0,40}?\\b(?:ever|since|of any|on record|so far|to date|"
	                 "outside|except|apart from|this year|of the year|in \\d{4})\\b",
	/* Before a number, words that make it no exact value: a change, a
	 * bound, an estimate, the end of a range ("480-490"; not a year's
	 * dash, "June 27, 2023 - 4,300 ITAs", nor a label's, "Invitations –
	 * 4,300", nor a day's, P_DAY_DASH). */
	[P_APPROX] = "(?:\\bby|(?:increase|decrease|drop|decline|rise|jump|gain|difference|"
	             "change|growth|reduction)\\s+of|(?<=\\d)(?<!(?:19|20)\\d\\d)\\s?[-–—]|(?<!limited\\s)\\bto|\\bbetween\\s+[\\d,.]+\\s+and|\\bover|nearly|about|approximately|around|more than|almost|up to|"
	             "some|roughly|close to|under|fewer than|less than|at least|above|"
	             "below|than|exceeding|of nearly)\\s*$",
	/* "Draw #262", "draw number 114", "#369" */
	[P_NUMBER] = "(?:\\b(?:draw|round)\\s*(?:#|no\\.?\\s*|number\\s*)|(?<![\\w&])#)\\s*(\\d{1,3}[ab]?)\\b",
	[P_PUBLISHED] = "(?:^\\W*|\\(|[|•·]\\s*|" AUTHOR "|" HANDLE ")"
	                "(?:published|posted)(?: on)?\\b\\s*:?\\s*(.{6,40})",
	/* A sentence whose subject is the round being read: "The round was
	 * open to ...", "This draw was limited to ..." (not "... in this
	 * draw"). */
	[P_ROUND_WAS] = "^\\W*(?:the|this|today[’']s)\\s+(?:(?!previous|last|prior|earlier|preceding|"
	                "next|following)[\\w\\-]+\\s+){0,3}?(?:round|draw)\\s+(?:was|is)\\b",
	/* A sentence that speaks of a round. */
	[P_DRAW_WORD] = "\\b(?:draws?|rounds?|invit\\w*|ITAs?)\\b",
	/* A line that is only the page's day, with at most an author or a
	 * few words before it and a time, reading time, author or section
	 * after: "March 20, 2024 | 4 min read · World", "26 March 2024, 10:15
	 * AM IST", "By Jane Doe, March 20, 2024", "Thursday, August 7, 2025",
	 * "Dec 28, 2017 by Priya S.", "May 6, 2025 - Sophie L." (no round's
	 * words after the dash), "Written July 2, 2021", "Week in review |
	 * Friday, July 24, 2026", "Dec 22, 2023 / Posted in Express Entry",
	 * "July 13, 2023 | Insights | Written by Omar H., Partner". */
	[P_DATELINE] = "^\\W*(?:by\\s+[^|•·,\\d]{2,60}?\\s*[|•·,]\\s*)?"
	               "(?:(?:compiled|issued|issue date|data as of|as of|premiered|streamed live on|"
	               "written(?: on)?)"
	               "\\s*:?\\s*)?"
	               "(?:(?![^,:|•·—–]*\\b(?:draws?|rounds?|invit\\w*|ITAs?|CRS|express|entry|date|"
	               "held|when|day)\\b)"
	               "(?:(?-i:[A-Z][A-Za-z.'’\\-]+(?:\\s+[A-Z][A-Za-z.'’\\-]+){0,2})\\s*(?:[,:]|[|•·—–]|\\s-)|"
	               "[A-Za-z][\\w'’\\-]*(?:\\s+[\\w'’\\-]+){0,3}\\s*[|•·])"
	               "\\s*)?"
	               "(?:(?:" WEEKDAY "|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\.?,?\\s+)?"
	               "((?:" MONTH "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|"
	               "\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" MONTH "\\.?,?\\s+\\d{4}|"
	               "\\d{4}-\\d\\d-\\d\\d|\\d{1,2}([/.])\\d{1,2}\\4\\d{4}))"
	               "(?:\\s*[,|•·]?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d\\d(?:\\s*[ap]\\.?m\\.?)?"
	               "(?:\\s+[A-Z]{2,4})?)?"
	               "(?:\\s+(?:by|[-–—](?![^|•·/]*\\b(?:draws?|rounds?|invit\\w*|ITAs?|CRS|"
	               "express|entry|PNP|CEC|FSW|FST|STEM|French|healthcare|trades?)\\b))"
	               "\\s+(?-i:[A-Z])[\\w.'’\\- ]{1,40}?)?"
	               "(?:\\s*[|•·/]\\s*(?:\\d+\\s+min(?:ute)?s?(?:\\s+read)?|"
	               "[A-Za-z][\\w &'’.\\-]{0,30}(?:,\\s+(?-i:[A-Z])[\\w &'’.\\-]{0,20})?)){0,3}\\W*$",
	/* A wire story's opening: "OTTAWA, June 28, 2023 (CP) — ...",
	 * "KARACHI, 22/07/2026: ...": the city in capitals, the day the
	 * story was filed (group 1), which is the page's, not a round's. */
	[P_CITY_DATELINE] = "^\\W*(?!(?:IRCC|CRS|ITAs?|CEC|PNP|FSWP?|FSTP?|CIC|EE|STEM)\\b)"
	                    "(?-i:[A-Z][A-Z.'’\\-]{2,}(?:\\s+[A-Z][A-Z.'’\\-]+){0,3}"
	                    "(?:,\\s+[A-Z][a-z]+\\.?)?),\\s+(\\S.{2,28}?)\\s*"
	                    "(?:\\([A-Za-z ]{2,20}\\)\\s*)?(?:[:–—]|-{1,2})\\s",
	/* "By Lee Park | July 7, 2023": an author, then the page's day. */
	[P_BYLINE] = "^\\W*by\\s+[^|•·\\d]{2,60}?\\s*[|•·]\\s*(.{6,40})$",
	/* A date in a page's address: "/2019/10/", "/2023/12/08/",
	 * "...-on-december-8-2023", "...-14th-may-2020", "...-april-2024". */
	[P_URL_PATH] = "^https?://[^/?#]+/(?:[^?#]*/)?(20\\d\\d)/(0?[1-9]|1[0-2])/"
	               "(?:(0?[1-9]|[12]\\d|3[01])(?:/|$))?",
	[P_URL_ISO] = "^https?://[^?#]*[/_-](20\\d\\d)-(\\d\\d)-(\\d\\d)(?!\\d)",
	[P_URL_MDY] = "^https?://[^?#]*[/_-]" MONTH "-(\\d{1,2})(?:st|nd|rd|th)?-(20\\d\\d)(?!\\d)",
	[P_URL_DMY] = "^https?://[^?#]*[/_-](\\d{1,2})(?:st|nd|rd|th)?-" MONTH "-(20\\d\\d)(?!\\d)",
	[P_URL_MY] = "^https?://[^?#]*[/_-]" MONTH "-(20\\d\\d)(?!\\d)",
	[P_UPDATED] = "(?:^\\W*|\\(|[|•·]\\s*|" AUTHOR ")(?:last\\s+)?(?:updated|modified|edited)(?: on)?\\b"
	              "\\s*:?\\s*(.{6,40})",
	/* "4,300 candidates were invited", "750 candidates were issued an ITA",
	 * "3,409 candidates for immigration to Canada have received an ITA";
	 * after a comma, colon or dash, "4,300 invited" */
	[P_ITA_PASSIVE] = "(?|(?<![\\d,.#])" NUM "\\s+(?:[^\\W\\d][\\w\\-’']*\\s+){0,4}?" PEOPLE
	                  "\\s+(?:(?:for|from|in|under)\\s+(?:[^\\W\\d][\\w\\-’']*\\s+){1,5}?|"
	                  "(?:with|whose)\\s+(?:(?!pool\\b)[^.;,]){1,60}?\\s+)?"
	                  "(?:were\\s+|have been\\s+|had been\\s+|have\\s+|has\\s+)?"
	                  "(?:invited|(?:received|receiving|receive|get|getting|issued|sent|got|were given)\\s+"
	                  "(?:an?\\s+)?(?:ITAs?|invitations?)\\b)|"
	                  "(?:^|(?<=\\band\\s)|(?<=[,;:—–-]\\s))" NUM "\\s+(?:(?:have\\s+|had\\s+)?(?:received|got)"
	                  "\\s+(?:an?\\s+)?(?:ITAs?|invitations?)|(?:were\\s+)?invited)\\b)",
	/* What has not happened yet is no draw, nor what someone expected,
	 * predicted or forecast of one ("we predicted 500 invitations", "the
	 * next round, expected around August 4", "expected January 10"); "were
	 * expected to have a score of 505" is what a past draw asked. */
	[P_FUTURE] = "\\b(?:will|would|is set to|are set to|(?<!were )(?<!was )expected to|"
	             "may (?:be|receive|get)|"
	             "plans? to|planning to|(?:is|are)\\s+(?:aiming|intending|hoping)\\s+to|(?:aims|intends|hopes)\\s+to|"
	             "to be held|tomorrow|upcoming|next week|could|may see|might|"
	             "(?:I|we|they|experts?|analysts?|observers?|many)\\s+(?:expect|predict|anticipate|"
	             "forecast)(?:s|ed)?|predictions?|forecasts?|guess|maybe|"
	             "expected\\s+(?:around|on|in|by|between|next|" MONTH "))\\b",
	/* What is no round's, as what has not happened yet: what a scam or
	 * a rumour claims ("a message claims IRCC held a special draw"). */
	[P_HEARSAY] = "\\b(?:claim(?:s|ed|ing)|hoax|fake|scam\\w*|fraudulent)\\b",
	/* Where a sentence turns to a candidate's own score: "The cut-off
	 * was 535 and our score is 538", "My CRS is 301". */
	[P_OWN_SCORE] = "\\b(?:my|our)\\s+(?:CRS|score|points)\\b",
	/* A sentence that dates the draw being read: "the draw took place on
	 * August 15", "This draw, held on July 18", "The latest draw from the
	 * pool, and the 41st in total since ..., took place on", "Canada held
	 * a second Express Entry draw", "Date and time of round: ...",
	 * "Today's draw". */
	[P_THIS_DRAW] = "\\b(?:(?:this|the|today[’']s|latest|most recent)\\s+(?:[\\w\\-]+\\s+){0,3}?"
	                "(?:draw|round)(?:\\s+of\\s+(?:the\\s+year|20\\d\\d))?"
	                "(?:\\s+from the (?:[\\w\\-]+\\s+){0,2}?pool)?"
	                "(?:,\\s+(?:and\\s+)?the\\s+\\d+(?:st|nd|rd|th)\\b[^.;]{0,100}?)?,?\\s+"
	                "(?:was\\s+)?(?:held|conducted|took place|happened|occurred|came|run|carried out)|"
	                "\\b(?:held|conducted|ran|hosted|carried out|staged)\\s+(?:a|an|its|the|another|"
	                "one more)\\s+(?:[\\w\\-]+\\s+){0,4}?(?:draw|round)\\b|"
	                "date and time of (?:the )?(?:round|draw)|today[’']s draw|"
	                "^(?:date of (?:the )?(?:draw|round)|(?:draw|round) date)\\s*[:：])",
	/* A sentence about the draw being read, whatever it dates; one that
	 * opens on "The draw" ("The draw, held Tuesday, had ...") speaks of
	 * the one just read. */
	[P_THIS_REF] = "\\b(?:today[’']s|this|the latest|the most recent)\\s+(?:[\\w\\-]+\\s+){0,2}?"
	               "(?:draw|round)\\b|\\bthis time\\b|^\\W*the\\s+(?:(?!previous|last|prior|earlier|"
	               "preceding|next|following)[\\w\\-]+\\s+){0,4}?(?:draw|round)\\b",
	/* Days this extractor cannot resolve: such a sentence has a date,
	 * unknown ("five years ago today" is not today).  A line that opens
	 * on a weekday ("Thursday: Trades, 1,800 invitations") is that day's,
	 * which the date of the lines before it ("Between Tuesday, July 2 and
	 * Monday, July 8, ...") does not tell. */
	[P_VAGUE_DAY] = "\\b(?:(?:the )?(?:following|next|previous|prior) day|day (?:before|after)|"
	                "later that week|"
	                "earlier (?:that|this) week|on the \\d{1,2}(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?" MONTH ")|"
	                "(?:one|a|two|three|four|five|six|seven|\\d+) days? "
	                "(?:earlier|later|before|after)|"
	                "earlier in the week|later in the week|"
	                "\\b(?:years?|months?|weeks?)\\s+ago\\s+(?:today|yesterday|this\\s+week)\\b)|"
	                "^\\W*(?:" WEEKDAY ")\\s*(?:[:：–—]|-\\s)",
	/* A sentence that opens on a day counted from the round just read:
	 * "The following day, ...", "A day later, ...", "Two days later,
	 * ..." (group 1: how many, when stated). */
	[P_DAY_LATER] = "^\\W*(?:then,?\\s+|and\\s+)?(?:(?:on\\s+)?the\\s+(?:following|next)\\s+day|"
	                "(?:a|(one|two|three|\\d))\\s+days?\\s+later)\\b",
	/* "A day before, March 6, 2024, ...": the day written out beside
	 * it, which places it. */
	[P_APPOSED_DATE] = "\\G,?\\s+(?:on\\s+)?(?:" MONTH "\\.?\\s+\\d{1,2}\\b|"
	                   "\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" MONTH "\\b)",
	/* Before a date, the words that make it another draw's day: "follows
	 * an all-program draw on", "than the preceding PNP draw on",
	 * "following the one on". */
	[P_OTHER_DATE] = "\\b(?:follow(?:s|ed|ing)?|since|than|compared (?:to|with)|after|from|"
	                 "previous|preceding|prior|earlier|last)\\s+(?:(?:the|an?)\\s+)?"
	                 "(?:[\\w\\-]+\\s+){0,3}?(?:draw|round|one)\\s+(?:on|of|held on)\\s*$",
	/* What P_OTHER_DATE needs somewhere in a sentence. */
	[P_OTHER_HINT] = "\\b(?:draw|round|one)\\s+(?:on|of|held on)\\s",
	/* A sentence that opens on the other draw the one before it named:
	 * "That draw invited ...", "The previous draw required ...",
	 * "Where 4,100 candidates received ...". */
	[P_THAT_REF] = "^\\s*(?:(?:that|the (?:previous|preceding|prior|earlier|former)|"
	               "in (?:that|the (?:previous|preceding|prior|earlier)))\\s+"
	               "(?:[\\w\\-]+\\s+){0,2}?(?:draw|round|one)\\b|(?:where|in which)\\b)",
	/* A line of a block of fields: "Invitations: 4,300", "CRS score:
	 * 486", or a day alone, "June 27, 2023". */
	[P_FIELD] = "^\\W{0,3}(?:[^\\W\\d][^:：.!?–—]{0,39}?(?:[:：]|\\s[–—-])\\s*\\S.{0,60}|"
	            "(?:" MONTH "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s*\\d{4}|"
	            "\\d{1,2}(?:st|nd|rd|th)?\\s+" MONTH "\\.?,?\\s+\\d{4}|\\d{4}-\\d\\d-\\d\\d)\\W*)$",
	/* Counts that are not of a draw's invitations: a province's units
	 * anywhere in the sentence (not what candidates hold, "held a job
	 * offer or provincial nomination"); permits, admissions and applications
	 * where a count counts them ("issued 50,000 work permits to foreign
	 * nationals", not "workers who hold work permits"). */
	[P_NOT_DRAW] = "\\b(?:NOIs?|notifications? of interest|letters? of advice|"
	               "(?<!with a |holding a |who have a |who hold a |held a |had a |has a |or a |or )"
	               "provincial nominations?\\b(?! program)|LAAs?\\b)|"
	               "(?<![\\d,.#])" NUM "\\s+(?:[^\\W\\d][\\w\\-’']*\\s+){0,3}?"
	               "(?:permanent residents? (?:admitted|landed)|admissions|"
	               "applications (?:received|processed)|study permits?|work permits?)\\b",
	/* A province's own draw ("Ontario's OINP issued 1,200 invitations",
	 * "Quebec's Arrima system"), or another country's: not Express
	 * Entry's, unless the sentence names it (P_FEDERAL). */
	[P_PROVINCIAL] = "\\b(?:" PROVINCES "|provincial (?:draws?|programs?|systems?|streams?)|"
	                 "SkillSelect|subclass \\d{3}|Australia|New Zealand|Skilled Migrant Category)\\b",
	/* A heading that is a province's or its program's name, maybe with
	 * its acronym or words of a section's ("Ontario (OINP)", "British
	 * Columbia PNP draws"); not "Ontario opens new PNP intake". */
	[P_PROVINCE_HEADING] = "^\\W*(?:(?:" PROVINCES "|PNP|provincial|nominee|program(?:me)?|"
	                       "immigra\\w*|draws?|rounds?|updates?|results|and|the|of|"
	                       "(?-i:[A-Z]{2,6}))(?:[\\s\\W]+|$))+$",
	/* "through its Express Entry Skilled Trades stream", "its
	 * International Skilled Worker – Express Entry sub-category",
	 * "Ontario's Human Capital Priorities stream": a province's own
	 * stream, which names Express Entry but is none of its rounds. */
	[P_OWN_STREAM] = "\\b(?:its|the province[’']s|(?:" PROVINCES ")[’']s)\\s+"
	                 "(?:[\\w\\-–]+\\s+){0,6}?(?:streams?|sub-?categor(?:y|ies))\\b",
	/* A field that names a round's category: "Program: Canadian Experience
	 * Class", "Round type: No Program Specified", "Type – STEM". */
	[P_FIELD_CAT] = "^\\W{0,3}(?:(?:round|draw)\\s+)?(?:type|program(?:me)?|category|stream)"
	                "\\s*(?:[:：]|\\s[–—-])\\s*\\S",
	/* What only a province issues, or a pool of IRCC's that is not
	 * Express Entry's (International Experience Canada's): its values
	 * are never a round's. */
	[P_PROVINCIAL_UNIT] = "\\b(?:notifications? of interest|NOIs?|letters? of advice|LAAs?|"
	                      "EOI|expressions? of interest|Working Holiday|International Experience "
	                      "Canada|IEC|Young Professionals)\\b",
	[P_FEDERAL] = "\\b(?:Express Entry(?![\\s\\-]+(?:stream|pathway|aligned|linked))|IRCC|"
	              "federal|CIC|Immigration,? Refugees)\\b",
};

static pcre2_code *pats[NPAT];
static pcre2_match_data *md;

/* Compiles the table once (JIT where available); 0 or -1. */
static int
compile(struct err *e)
{
	int i, code;
	PCRE2_SIZE off;

	if (md)
		return 0;
	for (i = 0; i < NPAT; i++) {
		pats[i] = pcre2_compile((PCRE2_SPTR)pat_src[i], PCRE2_ZERO_TERMINATED,
		                        PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP, &code, &off, NULL);
		if (!pats[i]) {
			PCRE2_UCHAR msg[256];

			pcre2_get_error_message(code, msg, sizeof(msg));
			return err_set(e, 70, "article pattern %d at %zu: %s", i, (size_t)off,
			               (char *)msg);
		}
		if (regex_jit_wanted())
			pcre2_jit_compile(pats[i], PCRE2_JIT_COMPLETE);
	}
	md = pcre2_match_data_create(8, NULL);
	return 0;
}

/* The patterns none of whose matches is without a digit (\d: under
 * PCRE2_UCP any Unicode decimal digit): a count, a score, a day. */
static const unsigned char needs_digit[NPAT] = {
	[P_ITA_VERB] = 1, [P_ITA_NOUN] = 1, [P_ITA_LABEL] = 1, [P_ITA_TO] = 1,
	[P_CRS_LABEL] = 1, [P_CRS_MIN] = 1, [P_CRS_WORD] = 1, [P_CRS_OR_MORE] = 1,
	[P_CRS_SCORED] = 1, [P_CRS_MOVED] = 1, [P_DATE_MDY] = 1, [P_DATE_DMY] = 1,
	[P_DATE_ISO] = 1, [P_DATE_NUM] = 1, [P_NUMBER] = 1, [P_ITA_PASSIVE] = 1,
	[P_FLAT_ROW] = 1, [P_ITA_DRAW] = 1, [P_ITA_BARE] = 1, [P_ROW_LINE] = 1,
	[P_CRS_THRESHOLD] = 1, [P_DAY_DASH] = 1, [P_CRS_UNIT] = 1,
};

/* 0 when s[0..len) holds no digit: no ASCII one, and no byte of a
 * multibyte character, which might be one. */
static int
maybe_digit(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	for (; p < end; p++)
		if ((*p >= '0' && *p <= '9') || *p >= 0x80)
			return 1;
	return 0;
}

/* Runs pattern id on s from offset start; fills ov[] (pairs) on a match.
 * Most sentences state no number: the patterns that need one are not run
 * on them (a quarter of the extractor's time went to PCRE2). */
static int
match(int id, const char *s, size_t len, size_t start, PCRE2_SIZE ov[16])
{
	PCRE2_SIZE *v;
	int i, rc;

	if (needs_digit[id] && start <= len && !maybe_digit(s + start, len - start))
		return 0;
	rc = pcre2_match(pats[id], (PCRE2_SPTR)s, len, start, 0, md, NULL);
	if (rc < 0)
		return 0;
	v = pcre2_get_ovector_pointer(md);
	for (i = 0; i < 16; i++)
		ov[i] = i < 2 * rc ? v[i] : PCRE2_UNSET;
	return rc;
}

/* A number as written, separators removed; -1 unless groups are of 3.
 * "4.5K" is 4500. */
static long
number_at(const char *s, size_t a, size_t b)
{
	long n = 0;
	size_t i, run = 0;
	int groups = 0;

	/* "4.5K", "8K": thousands, with at most one decimal. */
	if (b > a && (s[b - 1] == 'K' || s[b - 1] == 'k')) {
		n = atol(s + a) * 1000;
		if (b - a >= 4 && s[b - 3] == '.')
			n += (s[b - 2] - '0') * 100;
		return n;
	}

	for (i = a; i < b; i++) {
		if (isdigit((unsigned char)s[i])) {
			if (n > 100000000)
				return -1;
			n = n * 10 + (s[i] - '0');
			run++;
		} else {
			if (groups && run != 3)
				return -1;
			groups = 1;
			run = 0;
		}
	}
	return groups && run != 3 ? -1 : n;
}

/* The number of the month whose name s starts with ("Sept.": 9); 0 for
 * none. */
static int
month_number(const char *s)
{
	static const char *const m[] = { "jan", "feb", "mar", "apr", "may", "jun",
	                                 "jul", "aug", "sep", "oct", "nov", "dec" };
	int i;

	for (i = 0; i < 12; i++)
		if (strncasecmp(s, m[i], 3) == 0)
			return i + 1;
	return 0;
}

/* Days since the epoch of an ISO date, or -1. */
static long
day_number(const char *iso)
{
	int y, m, d;

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !date_valid(y, m, d))
		return -1;
	return days_from_civil(y, m, d);
}

static void
iso_of_day(long day, char out[11])
{
	time_t t = (time_t)day * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* What a date is resolved against: the page's publication date (from
 * the page, a feed item or --date; never the clock), or a year its
 * context states.  Without either, a date with no year and a relative
 * one ("today", "on Wednesday") state nothing. */
struct when {
	char pub[11];		/* the publication date, "" if unknown */
	char url[11];		/* without pub, the date in the page's address
				 * (a day, or a month's last day): dates
				 * without a year are read by it, relative ones
				 * not; "" if none */
	int year;		/* a year the context states (a table heading), or 0 */
	char last[11];		/* the latest day the page speaks from: its
				 * update's when it says it was updated, else
				 * pub; "" if unknown */
	long fetched;		/* the day the body was fetched (days since
				 * 1970), or -1 if unknown */
	const struct draw_list *known;	/* IRCC's rounds, or NULL: without a
					 * year from the page, a month and day
					 * are "0000-MM-DD" until matched with
					 * one (placed_by_ircc()) */
	int day_first;		/* the page writes days in numbers day first
				 * (1), month first (-1), or it cannot tell
				 * (0): numeric_order() */
	char near[11];		/* the day the paragraph dated last, or "":
				 * a day without a year is in the year that
				 * puts it nearest (nearest_year()) */
};

/* The year of y - 1, y and y + 1 that puts month m, day d nearest the
 * day near (days since 1970), within half a year and not after limit;
 * 0 when none is: "On February 7, 2015 ... On February 20 came the
 * first round ..." is February 20, 2015, on a page of 2025. */
static int
nearest_year(long near, int y, int m, int d, long limit)
{
	int k, best = 0;
	long gap = 184;

	for (k = y - 1; k <= y + 1; k++) {
		long day;

		if (!date_valid(k, m, d) || (day = days_from_civil(k, m, d)) > limit)
			continue;
		if (labs(day - near) < gap) {
			gap = labs(day - near);
			best = k;
		}
	}
	return best;
}

/* A month and day without a year: in the context's year, else in the
 * year nearest the day the paragraph dated last, else the latest such
 * date not more than a week after publication. */
static int
resolve_md(const struct when *w, int m, int d, char out[11])
{
	const char *by = w->pub[0] ? w->pub : w->url;
	long limit = by[0] ? day_number(by) + 7 : LONG_MAX;
	int y = w->year;

	if (!y && w->near[0] && atoi(w->near) > 0)
		y = nearest_year(day_number(w->near), atoi(w->near), m, d, limit);
	if (!y) {
		if (!by[0] && w->known && date_valid(2016, m, d)) {
			snprintf(out, 11, "0000-%02d-%02d", m, d);
			return 0;
		}
		if (!by[0])
			return -1;
		y = atoi(by);
		if (date_valid(y, m, d) && days_from_civil(y, m, d) > limit)
			y--;
	}
	if (!date_valid(y, m, d))
		return -1;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* 1 when y-m-d can be a round's day by IRCC's record: Express Entry's
 * first round was on 2015-01-31, and no page reports a round more than a
 * day after it was published or last updated (without a date, a year past
 * 2100 is no round's).
 * "On September 26, 3000 applicants were invited": 3000 is a count. */
static int
round_day(const struct when *w, int y, int m, int d)
{
	long day;

	if (!date_valid(y, m, d) || y > 2100)
		return 0;
	day = days_from_civil(y, m, d);
	if (day < days_from_civil(2015, 1, 31))
		return 0;
	return !w->last[0] || day <= day_number(w->last) + 1;
}

/* "The draw follows the October 7, 2024, PNP draw, which issued 1,613
 * invitations": a date after "follows the" is another draw's, but when
 * the words after it describe that draw, and no value comes before it, the
 * sentence's values are that draw's and the date theirs. */
static int
described_draw(const char *s, size_t len, size_t start, const PCRE2_SIZE ov[16])
{
	static const int ids[] = { P_ITA_VERB, P_ITA_NOUN, P_ITA_LABEL, P_ITA_TO, P_ITA_PASSIVE,
	                           P_CRS_LABEL, P_CRS_MIN, P_CRS_WORD, P_CRS_OR_MORE,
	                           P_CRS_SCORED };
	PCRE2_SIZE o[16];
	size_t ctx = ov[0] > 40 ? ov[0] - 40 : 0, i;

	if (!match(P_DRAW_CLAUSE, s, len, ov[1], o) ||
	    match(P_PROFILE_DATE, s, ov[0], ctx, o))
		return 0;
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (match(ids[i], s, ov[0], start, o))
			return 0;
	return 1;
}

/* A written-out day, "September 26, 2023", "Dec 16 '25" or "26
 * September": its month and day at ov[mg] and ov[dg], its year in group 3
 * (four digits, or two after an apostrophe).  A year no round was held in
 * is a count after the day ("On September 26, 3000 applicants"): the day
 * is then read as yearless.  0 with cand set, or -1. */
static int
written_date(const char *s, const PCRE2_SIZE ov[16], int mg, int dg, const struct when *w,
             char cand[11])
{
	int m = month_number(s + ov[mg]), d = atoi(s + ov[dg]), y;

	if (ov[6] == PCRE2_UNSET)
		return resolve_md(w, m, d, cand);
	y = atoi(s + ov[6]);
	if (ov[7] - ov[6] == 2)
		y += 2000;	/* after an APOSTROPHE */
	if (round_day(w, y, m, d)) {
		snprintf(cand, 11, "%04d-%02d-%02d", y, m, d);
		return 0;
	}
	return y > 2100 || y < 1900 ? resolve_md(w, m, d, cand) : -1;
}

/* The day a relative date (P_DATE_REL, P_DATE_WEEKDAY) names, from the
 * publication date: 0 with cand set, or -1 without one. */
static int
relative_date(const char *s, const PCRE2_SIZE ov[16], int id, const struct when *w,
              char cand[11])
{
	static const char *const wd[] = { "sunday", "monday", "tuesday", "wednesday",
	                                  "thursday", "friday", "saturday" };
	long day;
	int k, target = 0, today;

	if (!w->pub[0])
		return -1;
	day = day_number(w->pub);
	if (id == P_DATE_REL) {
		if (strncasecmp(s + ov[2], "yesterday", 9) == 0)
			day--;
		iso_of_day(day, cand);
		return 0;
	}
	today = (int)((day + 4) % 7);	/* 1970-01-01: Thu */
	for (k = 0; k < 7; k++)
		if (strncasecmp(s + ov[2], wd[k], 3) == 0)
			target = k;
	iso_of_day(day - ((today - target + 7) % 7), cand);
	return 0;
}

/* Counts in s the days written in numbers whose numbers tell the order,
 * and the notes of an order ("DD/MM/YYYY"): day first into *day_month,
 * month first into *month_day. */
static void
order_votes(const char *s, int *day_month, int *month_day)
{
	PCRE2_SIZE ov[16];
	size_t len = strlen(s), from;

	for (from = 0; match(P_DATE_NUM, s, len, from, ov); from = ov[1]) {
		int a, b;

		if (ov[2] == PCRE2_UNSET)
			continue;	/* year first */
		a = atoi(s + ov[2]), b = atoi(s + ov[6]);
		if (a > 12 && b <= 12)
			(*day_month)++;
		else if (b > 12 && a <= 12)
			(*month_day)++;
	}
	if (match(P_ORDER_HINT, s, len, 0, ov)) {
		if (tolower((unsigned char)s[ov[2]]) == 'd')
			(*day_month)++;
		else
			(*month_day)++;
	}
}

/* How the page writes its days in numbers: day first (1) or month first
 * (-1) when every one of them whose numbers tell (a day above 12), and
 * every note of the order, agrees; 0 when none tells or they differ. */
static int
numeric_order(const struct article_doc *doc)
{
	int day_month = 0, month_day = 0;
	size_t i, r, c;

	for (i = 0; i < doc->paras.n; i++)
		order_votes(doc->paras.v[i], &day_month, &month_day);
	for (i = 0; i < doc->ntables; i++)
		for (r = 0; r < doc->tables[i].nrows; r++)
			for (c = 0; c < doc->tables[i].rows[r].n; c++)
				order_votes(doc->tables[i].rows[r].v[c], &day_month, &month_day);
	return day_month && !month_day ? 1 : month_day && !day_month ? -1 : 0;
}

/* A day written in numbers (P_DATE_NUM): year first, or last after a
 * day and a month in an order the numbers must tell ("27/06/2023",
 * "06/27/2023"), or that the page's others tell (w->day_first), or
 * that only one reading makes a day a round could have been on
 * ("07-01-2026" on a page of January 8, 2026 is not July 1; "05/01/2015"
 * is not January 5, before the first round).  Else ("05/06/2023") it
 * states nothing.  0 with cand set, or -1. */
static int
numeric_date(const char *s, const PCRE2_SIZE ov[16], const struct when *w, char cand[11])
{
	int y, m, d;

	if (ov[10] != PCRE2_UNSET) {
		y = atoi(s + ov[10]), m = atoi(s + ov[12]), d = atoi(s + ov[14]);
	} else {
		int a = atoi(s + ov[2]), b = atoi(s + ov[6]);

		y = atoi(s + ov[8]);
		if (a > 12 && b <= 12)
			d = a, m = b;
		else if (b > 12 && a <= 12)
			m = a, d = b;
		else if (a == b)
			m = d = a;
		else if (w->day_first)
			d = w->day_first > 0 ? a : b, m = a + b - d;
		else if (round_day(w, y, b, a) != round_day(w, y, a, b))
			d = round_day(w, y, b, a) ? a : b, m = a + b - d;
		else
			return -1;
	}
	if (!round_day(w, y, m, d))
		return -1;
	snprintf(cand, 11, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* The date a match of pattern id states: 0 with cand set, or -1. */
static int
date_of_match(const char *s, const PCRE2_SIZE ov[16], int id, const struct when *w,
              char cand[11])
{
	int swapped, ok;
	char *iso;

	if (id == P_DATE_MDY)
		return written_date(s, ov, 2, 4, w, cand);
	if (id == P_DATE_DMY)
		return written_date(s, ov, 4, 2, w, cand);
	if (id == P_DATE_NUM)
		return numeric_date(s, ov, w, cand);
	if (id != P_DATE_ISO)
		return relative_date(s, ov, id, w, cand);
	iso = xstrndup(s + ov[0], ov[1] - ov[0]);
	ok = date_parse_iso(iso, cand, &swapped);
	free(iso);
	if (ok == 0 && !round_day(w, atoi(cand), atoi(cand + 5), atoi(cand + 8)))
		ok = -1;
	return ok;
}

/* The first date in s[start..] that is a round's, not a tie-break's: sets
 * out and returns 1. */
static int
find_date(const char *s, size_t len, size_t start, const struct when *w, char out[11])
{
	PCRE2_SIZE ov[16], best = PCRE2_UNSET;
	int ids[] = { P_DATE_MDY, P_DATE_DMY, P_DATE_ISO, P_DATE_NUM, P_DATE_REL,
	              P_DATE_WEEKDAY };
	char found[11] = "", cand[11];
	size_t i;

	/* "Draw 81: January 10, 2018 - 2,750 invitations - tie-break
	 * November 18, 2017 at 06:30:42 UTC": a day before the tie-break's
	 * words is the round's; from them on, the tie-break's or a
	 * profile's. */
	if (match(P_TIEBREAK_SENTENCE, s, len, start, ov))
		len = ov[0];
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		size_t from = start;

		while (match(ids[i], s, len, from, ov)) {
			size_t ctx = ov[0] > 40 ? ov[0] - 40 : 0;
			char *before = xstrndup(s + ctx, ov[0] - ctx);
			int other = match(P_TIEBREAK, before, strlen(before), 0,
			                  (PCRE2_SIZE[16]){ 0 });

			free(before);
			from = ov[1];
			if (other && !described_draw(s, len, start, ov))
				continue;
			if (date_of_match(s, ov, ids[i], w, cand) == 0 &&
			    (best == PCRE2_UNSET || ov[0] < best)) {
				best = ov[0];
				memcpy(found, cand, sizeof(found));
			}
			break;
		}
		/* A date written out beats "today" or "on Monday" beside it. */
		if (best != PCRE2_UNSET && ids[i] == P_DATE_NUM)
			break;
	}
	if (best == PCRE2_UNSET)
		return 0;
	memcpy(out, found, 11);
	return 1;
}

/* A draw being gathered from prose. */
struct pending {
	int open;
	int headline;		/* opened by the page's headline, undated */
	const char *head_cat;	/* the category a headline without values
				 * names, for the body's first round when it
				 * names none itself, or NULL */
	char date[11];
	long itas, crs;
	const char *category;
	char *number;
	struct buf evidence;
};

static void
pending_reset(struct pending *p)
{
	free(p->number);
	buf_release(&p->evidence);
	memset(p, 0, sizeof(*p));
	p->itas = p->crs = -1;
}

/* 1 when d is a record of date with these values. */
static int
same_record(const struct draw *d, const char *date, long itas, long crs)
{
	return !strcmp(d->date, date) && d->invitations == itas && d->crs_cutoff == crs;
}

/* 1 when out already holds a record of date with these values. */
static int
already(const struct draw_list *out, const char *date, long itas, long crs)
{
	size_t i;

	for (i = 0; i < out->n; i++)
		if (same_record(&out->v[i], date, itas, crs))
			return 1;
	return 0;
}

/* Emits p when it holds a date and a value, then starts afresh.  A draw
 * with its number and both values and no day the page can place is
 * emitted dated "0000-00-00", for IRCC's round of that number to place
 * (placed_by_ircc()). */
static void
pending_close(struct pending *p, struct draw_list *out)
{
	int both = p->itas >= 0 && p->crs >= 0;
	const char *date = p->date[0] ? p->date : "0000-00-00";

	/* The same draw stated twice in one page is one record.  One with
	 * no date but its number or both values is "0000-00-00" until
	 * IRCC's rounds place it (placed_by_ircc()). */
	if (p->open && (p->date[0] || both) && (p->itas >= 0 || p->crs >= 0) &&
	    !already(out, date, p->itas, p->crs)) {
		struct draw *d = draw_list_add(out);

		memcpy(d->date, date, sizeof(d->date));
		d->invitations = p->itas;
		d->crs_cutoff = p->crs;
		d->category = p->category ? p->category : p->head_cat;	/* NULL: not stated */
		d->number = p->number, p->number = NULL;
		d->evidence = buf_detach(&p->evidence, NULL);
	}
	pending_reset(p);
}

/* The first date in s that P_OTHER_DATE's words make another draw's
 * day ("than the preceding French draw on December 7, 2023"): sets out and
 * returns 1. */
static int
other_draw_date(const char *s, size_t len, const struct when *w, char out[11])
{
	static const int ids[] = { P_DATE_MDY, P_DATE_DMY, P_DATE_ISO, P_DATE_NUM };
	PCRE2_SIZE ov[16];
	size_t i, from;

	/* Most sentences name no draw "on" a day: no date of theirs is
	 * looked at. */
	if (!match(P_OTHER_HINT, s, len, 0, ov))
		return 0;
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		for (from = 0; match(ids[i], s, len, from, ov); from = ov[1]) {
			size_t ctx = ov[0] > 60 ? ov[0] - 60 : 0;
			char *before = xstrndup(s + ctx, ov[0] - ctx);
			int other = match(P_OTHER_DATE, before, strlen(before), 0,
			                  (PCRE2_SIZE[16]){ 0 });

			free(before);
			if (other && date_of_match(s, ov, ids[i], w, out) == 0)
				return 1;
		}
	return 0;
}

/* Category phrases in prose, beyond the feed's names. */
static const struct {
	const char *phrase;
	const char *category;
} aliases[] = {
	{ "CEC", "cec" }, { "PNP", "pnp" }, { "FSWP", "fsw" }, { "FSTP", "fst" },
	{ "FSW", "fsw" }, { "FST", "fst" }, { "health-care", "healthcare" },
	{ "all-program", "general" }, { "all program", "general" },
	{ "all programmes", "general" }, { "all-programme", "general" },
	{ "Francophone", "french" }, { "French-language", "french" },
	{ "no program specified", "general" }, { "general draw", "general" },
	{ "all programs", "general" }, { "all three programs", "general" },
	{ "all-programs", "general" }, { "no-program-specified", "general" },
	{ "all three federal programs", "general" }, { "all federal programs", "general" },
	{ "every program", "general" }, { "regardless of program", "general" },
	{ "not limited to any program", "general" },
};

/* The category table's phrases, read once. */
#define MAX_PHRASES 64
static const char *phrase[MAX_PHRASES], *phrase_cat[MAX_PHRASES];
static size_t phrase_len[MAX_PHRASES], nphrases;

/* The category of the lowest row i of the table whose at[i] is set and
 * within [lo, hi]: what category_of() says of a text in which exactly
 * those phrases occur. */
static const char *
first_in(const size_t *at, const int *has, size_t lo, size_t hi)
{
	size_t i;

	for (i = 0; i < nphrases; i++)
		if (has[i] && at[i] >= lo && at[i] <= hi)
			return phrase_cat[i];
	return NULL;
}

/* category_of(s) for a phrase that starts a word only: "Comprehensive
 * Ranking System" names no STEM draw.  The phrase found ends where the
 * shortest prefix of s still names the category and starts where the
 * shortest part of that prefix does; inside a word, it is blanked and the
 * rest searched again.
 *
 * Worked out from where each phrase occurs, not by asking category_of()
 * of every prefix and suffix, which cost time in the square of the
 * sentence's length: a prefix of s contains a phrase when the phrase's
 * first occurrence ends within it, a part t[start..end) when one of its
 * occurrences starts at or after start and ends by end. */
static const char *
word_category(const char *s)
{
	char *t = xstrdup(s);
	const char *c, *p;
	size_t n = strlen(t), end, start, i, first_end[MAX_PHRASES], last_start[MAX_PHRASES];
	int has[MAX_PHRASES], in[MAX_PHRASES];

	if (!nphrases)
		while (nphrases < MAX_PHRASES &&
		       (phrase[nphrases] = category_phrase(nphrases, &phrase_cat[nphrases])))
			phrase_len[nphrases] = strlen(phrase[nphrases]), nphrases++;
	for (;;) {
		for (i = 0; i < nphrases; i++) {
			p = strcasestr(t, phrase[i]);
			has[i] = p != NULL;
			first_end[i] = p ? (size_t)(p - t) + phrase_len[i] : 0;
		}
		if (!(c = first_in(first_end, has, 0, n)))
			break;
		/* The shortest prefix t[0..end), end < n, naming c: its
		 * length is where some phrase's first occurrence ends. */
		end = n;
		for (i = 0; i < nphrases; i++) {
			const char *k;

			if (!has[i] || first_end[i] >= end)
				continue;
			k = first_in(first_end, has, 0, first_end[i]);
			if (k && strcmp(k, c) == 0)
				end = first_end[i];
		}
		/* The shortest part t[start..end), 0 < start, naming c: it
		 * starts where some phrase's last occurrence within t[0..end)
		 * does; start 0 when none. */
		for (i = 0; i < nphrases; i++) {
			in[i] = 0;
			for (p = strcasestr(t, phrase[i]); p && (size_t)(p - t) + phrase_len[i] <= end;
			     p = strcasestr(p + 1, phrase[i])) {
				in[i] = 1;
				last_start[i] = (size_t)(p - t);
			}
		}
		start = 0;
		for (i = 0; i < nphrases; i++) {
			const char *k;

			if (!in[i] || last_start[i] == 0 || last_start[i] <= start)
				continue;
			k = first_in(last_start, in, last_start[i], end);
			if (k && strcmp(k, c) == 0)
				start = last_start[i];
		}
		if (start == 0 || !isalnum((unsigned char)t[start - 1]))
			break;
		t[start] = ' ';
	}
	free(t);
	return c;
}

/* The one category a sentence names; NULL when it names none or several. */
static const char *
sentence_category(const char *s)
{
	const char *found = NULL, *c;
	size_t i;

	c = word_category(s);
	if (c && strcmp(c, "general") != 0)
		found = c;
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
		const char *p = strcasestr(s, aliases[i].phrase);
		size_t n = strlen(aliases[i].phrase);

		if (!p || (isalnum((unsigned char)p[n])) ||
		    (p > s && isalnum((unsigned char)p[-1])))
			continue;
		if (found && strcmp(found, aliases[i].category) != 0)
			return NULL;
		found = aliases[i].category;
	}
	if (!found && c)
		found = c;
	return found;
}

/* Where the words that may make a value approximate end: before an "at
 * least" the pattern itself read, since of a score "a CRS of at least 752"
 * is the cut-off, where "at least 3,000 invitations" is no count; before
 * the whole match for P_ITA_TO, whose "to 750" is no range. */
static size_t
value_context(const char *s, int id, const PCRE2_SIZE ov[16], int floor)
{
	size_t end = ov[2];

	if (id == P_ITA_TO || id == P_CRS_MOVED)
		return ov[0];
	if (!floor)
		return end;
	while (end > ov[0] && isspace((unsigned char)s[end - 1]))
		end--;
	if (end >= ov[0] + 8 && !strncasecmp(s + end - 8, "at least", 8))
		return end - 8;
	return ov[2];
}

/* All values of one kind in a sentence: returns 1 with one value, 0 with
 * none, -1 when the sentence states two different values (the caller then
 * trusts none).  floor: the values are scores, "at least N" states N. */
static int
values(const char *s, size_t len, const int *ids, size_t nids, long lo, long hi, int floor,
       long *out)
{
	PCRE2_SIZE ov[16];
	size_t i, from;
	long v, seen = -1;
	int n = 0;

	for (i = 0; i < nids; i++) {
		for (from = 0; match(ids[i], s, len, from, ov); from = ov[1]) {
			size_t end = value_context(s, ids[i], ov, floor);
			size_t ctx = end > 25 ? end - 25 : 0;
			char *before = xstrndup(s + ctx, end - ctx);
			int approx = (match(P_APPROX, before, strlen(before), 0, (PCRE2_SIZE[16]){ 0 }) &&
			              !match(P_DAY_DASH, before, strlen(before), 0, (PCRE2_SIZE[16]){ 0 })) ||
			             match(P_AFTER_MONTH, before, strlen(before), 0, (PCRE2_SIZE[16]){ 0 }) ||
			             match(P_DIFF_AFTER, s, len, ov[3], (PCRE2_SIZE[16]){ 0 });

			v = number_at(s, ov[2], ov[3]);
			if (v >= 2015 && v <= 2100 &&
			    match(P_AFTER_DAY, before, strlen(before), 0, (PCRE2_SIZE[16]){ 0 }))
				approx = 1;
			free(before);
			if (approx || v < lo || v > hi)
				continue;
			if (n && v != seen)
				return -1;
			seen = v;
			n = 1;
		}
	}
	if (n)
		*out = seen;
	return n;
}

/* 1 when the word that ends at the full stop s (from start on) is an
 * abbreviation that a number or a name may follow in one sentence:
 * "No. 251", "Jan. 10", "Sept. 10", "approx. 4,000". */
static int
abbreviation(const char *start, const char *s)
{
	static const char *const words[] = {
		"no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec", "approx", "vs", "mr", "mrs", "ms", "dr", "st", "e.g",
		"i.e",
	};
	const char *w = s;
	size_t i;

	while (w > start && (isalpha((unsigned char)w[-1]) || w[-1] == '.'))
		w--;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if ((size_t)(s - w) == strlen(words[i]) && !strncasecmp(w, words[i], s - w))
			return 1;
	return 0;
}

/* 1 when s opens a clause of another day: " and on November 4 ...". */
static int
and_on_day(const char *s)
{
	PCRE2_SIZE ov[16];

	return strncmp(s, " and on ", 8) == 0 &&
	       (match(P_DATE_MDY, s + 8, strlen(s + 8), 0, ov) ||
	        match(P_DATE_DMY, s + 8, strlen(s + 8), 0, ov)) && ov[0] == 0;
}

/* Splits a paragraph into sentences: at ". ", "! ", "? " before a capital
 * or a digit, and at "; " and ", and on <day>", since a list of draws is
 * often one sentence with a clause a draw ("Draw #279 on January 10,
 * inviting ...; Draw #280 on January 23 ...", "... on November 12 at a
 * cut-off of 476, and on November 4 IRCC invited 2,000 ...").  A "; "
 * inside parentheses ends none: "(324 invitations; minimum 786)". */
static void
sentences(const char *p, struct strlist *out)
{
	const char *start = p, *s;
	int depth = 0;		/* parentheses open: "(324 invitations; minimum 786)" */

	for (s = p; *s; s++) {
		if (*s == '(')
			depth++;
		else if (*s == ')' && depth > 0)
			depth--;
		if ((*s == ';' && s[1] == ' ' && s > start && depth == 0) ||
		    (*s == ',' && s > start && and_on_day(s + 1)) ||
		    ((*s == '.' || *s == '!' || *s == '?') && s[1] == ' ' &&
		     (isupper((unsigned char)s[2]) || isdigit((unsigned char)s[2])) &&
		     !(s - start >= 2 && isupper((unsigned char)s[-1]) && s[-2] == ' ') &&
		     !abbreviation(start, s))) {
			strlist_add(out, "");
			free(out->v[out->n - 1]);
			out->v[out->n - 1] = xstrndup(start, (size_t)(s - start + 1));
			start = s + 2;
		}
	}
	if (*start)
		strlist_add(out, start);
}

/* 1 when s totals several draws.  A superlative aside is no total: "invited
 * 1,280 candidates with a CRS of 549, the highest of any draw in 2024". */
static int
aggregate(const char *s, size_t len)
{
	PCRE2_SIZE ov[16];

	if (match(P_SUPERLATIVE, s, len, 0, ov))
		len = ov[0];
	return match(P_AGGREGATE, s, len, 0, ov);
}

/* 1 when s dates the draw being read, its date in own: the date after
 * "took place on", else the sentence's date; "Today's draw follows one
 * from yesterday, April 10": today is this draw's day. */
static int
this_draw_date(const char *s, size_t len, const struct when *w, const char *date,
               char own[11])
{
	PCRE2_SIZE ov[16];

	if (!match(P_THIS_DRAW, s, len, 0, ov))
		return 0;
	if (w->pub[0] && (strcasestr(s + ov[0], "today’s draw") ||
	                  strcasestr(s + ov[0], "today's draw")))
		memcpy(own, w->pub, 11);
	else if (!find_date(s, len, ov[1], w, own))
		memcpy(own, date, 11);
	return 1;
}

/* What a sentence says, as far as the draw being read goes. */
enum said {
	SAID_ASIDE,	/* neither a value nor a round's date: at most a
			 * draw's number */
	SAID_DATE,	/* a round's date and no value: the draw being
			 * read's, or another day's */
	SAID_VALUES,	/* a value of one draw: its invitations, its
			 * cut-off or both */
};

/* One sentence, as sentence_read() classifies it. */
struct sentence {
	const char *s;
	size_t len;
	size_t own;		/* s[0..own) speaks of the draw; the rest compares
				 * it with another (P_COMPARE) or gives a
				 * candidate's own score (P_OWN_SCORE) */
	enum said said;
	int vague;		/* a day this extractor cannot resolve, or
				 * another draw and no date */
	int future;		/* what has not happened yet */
	int has_date;		/* a round's date, in date */
	char date[11];
	int ni, nc;		/* values() of invitations, of cut-offs */
	long itas, crs;
	PCRE2_SIZE number[2];	/* "Draw #262": where its number is;
				 * PCRE2_UNSET when it states none */
	const char *category;	/* with values: sentence_category() */
	char other[11];		/* another draw's day it names, or "" */
	int provincial;		/* it states a province's draw (provincial()) */
};

/* 1 when a threshold in st ("scores of 486 or above") is a round's
 * cut-off: the sentence invites, or goes on with a dated draw being read
 * ("IRCC invited 2,100 candidates on July 4.  Candidates needed 481
 * points."), and does not count the pool. */
static int
threshold(const struct sentence *st, int reading)
{
	PCRE2_SIZE ov[16];

	return (reading || match(P_INVITING, st->s, st->own, 0, ov)) &&
	       !match(P_POOL_TALK, st->s, st->len, 0, ov);
}

/* "June 24, 2021: 6,000 at 357", "on February 16 (279 at 789)": in a
 * sentence that dates a round and states no value in words, one count
 * and one score paired by "at" are its invitations and cut-off; not in
 * talk of the pool, nor after "about". */
static void
paired_values(struct sentence *st)
{
	PCRE2_SIZE ov[16];
	long itas, crs;
	char *before;
	int approx;

	if (!match(P_PAIR, st->s, st->own, 0, ov) ||
	    match(P_PAIR, st->s, st->own, ov[1], (PCRE2_SIZE[16]){ 0 }) ||	/* one pair */
	    match(P_POOL_TALK, st->s, st->len, 0, (PCRE2_SIZE[16]){ 0 }))
		return;
	before = xstrndup(st->s + (ov[0] > 25 ? ov[0] - 25 : 0), ov[0] > 25 ? 25 : ov[0]);
	approx = match(P_APPROX, before, strlen(before), 0, (PCRE2_SIZE[16]){ 0 });
	free(before);
	itas = number_at(st->s, ov[2], ov[3]);
	crs = number_at(st->s, ov[4], ov[5]);
	if (approx || itas < 1 || itas > 30000 || crs < 67 || crs > 1200)
		return;
	st->ni = st->nc = 1;
	st->itas = itas, st->crs = crs;
}

/* The values st states.  None of what has not happened yet; and no count
 * of invitations from a total of several draws, or beside counts that
 * are not a draw's (notifications of interest, permits). */
static void
sentence_values(struct sentence *st, int reading)
{
	static const int ita_ids[] = { P_ITA_VERB, P_ITA_NOUN, P_ITA_LABEL, P_ITA_PASSIVE,
	                               P_ITA_TO, P_ITA_DRAW, P_ITA_BARE };
	static const int crs_ids[] = { P_CRS_LABEL, P_CRS_MIN, P_CRS_WORD, P_CRS_OR_MORE,
	                               P_CRS_SCORED, P_CRS_MOVED, P_CRS_THRESHOLD };
	PCRE2_SIZE ov[16];

	if (st->future || match(P_RESPECTIVELY, st->s, st->len, 0, ov))
		return;
	st->nc = values(st->s, st->own, crs_ids, threshold(st, reading) ? 7 : 6, 67, 1200, 1, &st->crs);
	if (!aggregate(st->s, st->len) && !match(P_NOT_DRAW, st->s, st->len, 0, ov) &&
	    (st->nc == 1 || !match(P_IN_TOTAL, st->s, st->len, 0, ov)))
		st->ni = values(st->s, st->own, ita_ids, 7, 1, 30000, 0, &st->itas);
	/* "June 27 – 486 CRS (4,300 ITAs)": a score before its unit is the
	 * cut-off only beside the draw's count, in one line of evidence. */
	if (st->nc == 0 && st->ni == 1)
		st->nc = values(st->s, st->own, (const int[]){ P_CRS_UNIT }, 1, 67, 1200, 1,
		                &st->crs);
	if (st->ni == 0 && st->nc == 0 && (st->has_date || reading))
		paired_values(st);
}

/* 1 when s names a day this extractor cannot place ("the day before"),
 * unless it writes that day out beside it ("A day before, August 5,
 * 2020, ..."). */
static int
vague_day(const char *s, size_t len)
{
	PCRE2_SIZE ov[16];
	size_t from;

	for (from = 0; match(P_VAGUE_DAY, s, len, from, ov); from = ov[1])
		if (!match(P_APPOSED_DATE, s, len, ov[1], (PCRE2_SIZE[16]){ 0 }))
			return 1;
	return 0;
}

/* 1 when s states a province's own draw ("Ontario's OINP issued 1,200
 * invitations on June 27 ..."), or another country's, which is no round
 * of Express Entry's: it names a province or its program, and neither
 * Express Entry (but for a province's "Express Entry stream") nor IRCC,
 * or it names the province's own stream ("through its Labour Market
 * Priorities stream"); or it counts what only a province issues
 * ("notifications of interest"). */
static int
provincial(const char *s, size_t len)
{
	PCRE2_SIZE ov[16];

	return (match(P_PROVINCIAL, s, len, 0, ov) &&
	        (!match(P_FEDERAL, s, len, 0, ov) || match(P_OWN_STREAM, s, len, 0, ov))) ||
	       match(P_PROVINCIAL_UNIT, s, len, 0, ov);
}

/* st states no round of Express Entry's: a province's draw, say; the
 * draw being read is done. */
static void
sentence_drop(struct sentence *st)
{
	st->ni = st->nc = 0;
	st->itas = st->crs = -1;
	st->has_date = 0;
	st->vague = 1;
}

/* Classifies s: its round's date (none when it also names a day that
 * cannot be resolved, or names another draw and no date: which draw it
 * speaks of is unknown), its values, its draw number and, with values,
 * its category.  reading: a dated draw is being read, which s may go on
 * with.  Reads s only: what follows from it is prose_step()'s. */
static void
sentence_read(struct sentence *st, const char *s, const struct when *w, int reading)
{
	PCRE2_SIZE ov[16];

	memset(st, 0, sizeof(*st));
	st->s = s;
	st->len = strlen(s);
	st->own = st->len;
	if (match(P_COMPARE, s, st->len, 0, ov))
		st->own = ov[0];
	if (match(P_OWN_SCORE, s, st->own, 0, ov))
		st->own = ov[0];
	/* "397, the lowest ever for a CEC round outside February's record
	 * draw of 27,332 invitations": after a rank among draws, another
	 * draw (not "3,000 candidates, the lowest with 477 points") */
	if (match(P_SUPERLATIVE, s, st->own, 0, ov) && match(P_RANK_SCOPE, s, st->own, ov[1], ov))
		st->own = ov[0];
	st->itas = st->crs = -1;
	if (match(P_CITY_DATELINE, s, st->len, 0, ov) && ov[1] < st->own)
		st->has_date = find_date(s, st->own, ov[1], w, st->date);
	else
		st->has_date = find_date(s, st->own, 0, w, st->date);
	/* "Today's cut-off" on a page whose date is unknown: a day, but
	 * which one the page cannot say, so not the open draw's either. */
	st->vague = vague_day(s, st->len) ||
	            (!st->has_date && match(P_OTHER_DRAW, s, st->own, 0, ov)) ||
	            match(P_RESPECTIVELY, s, st->len, 0, ov) ||
	            (!st->has_date && !w->pub[0] && (match(P_DATE_REL, s, st->own, 0, ov) ||
	                                             match(P_DATE_WEEKDAY, s, st->own, 0, ov)));
	if (st->vague)
		st->has_date = 0;
	st->future = match(P_FUTURE, s, st->len, 0, ov) || match(P_HEARSAY, s, st->len, 0, ov);
	if (!other_draw_date(s, st->len, w, st->other))
		st->other[0] = '\0';
	sentence_values(st, reading);
	if ((st->has_date || st->ni > 0 || st->nc > 0) && provincial(s, st->len)) {
		st->provincial = 1;
		sentence_drop(st);
	}
	st->number[0] = st->number[1] = PCRE2_UNSET;
	if (match(P_NUMBER, s, st->len, 0, ov))
		st->number[0] = ov[2], st->number[1] = ov[3];
	if (st->ni > 0 || st->nc > 0) {
		st->said = SAID_VALUES;
		st->category = sentence_category(s);
	} else
		st->said = st->has_date ? SAID_DATE : SAID_ASIDE;
}

static char *
sentence_number(const struct sentence *st)
{
	return xstrndup(st->s + st->number[0], st->number[1] - st->number[0]);
}

/* What read_prose() carries from one sentence to the next. */
struct prose {
	struct pending p;	/* the draw being read */
	char ctx[11];		/* the date the paragraph gave last, or "" */
	char *number;		/* "Round #188" stated before its values */
	char held[11];		/* the page's own draw, dated, that another
				 * draw's values interrupted before its own
				 * came ("took place on Wednesday.  The
				 * previous round ..."), or "" */
	const char *ctx_cat;	/* the category the sentence that gave ctx
				 * named, or NULL */
	char other[11];		/* another draw's day the sentence before
				 * named, or "" */
	const char *block_cat;	/* the category a line of the block of
				 * fields names ("Program: ..."), or NULL */
	int in_headline;	/* the paragraph read is the page's headline */
	int in_heading;		/* it is a heading: one short sentence
				 * without a full stop */
	const char *head_cat;	/* the category the headline names, if it
				 * states no values ("Canada's newest round
				 * targets STEM occupations"), until the body's
				 * first round takes it */
	const char *next_cat;	/* the category a heading of its own names
				 * ("Trade occupations — first round"), for
				 * the draws that open in the next paragraph */
	int alone;		/* the paragraph is one short line (a heading,
				 * a field) */
	size_t para;		/* the paragraph being read */
	size_t next_cat_para;	/* the paragraph of next_cat's heading */
	int in_province;	/* a sentence stated a province's draw, and
				 * no heading or sentence since named Express
				 * Entry or IRCC */
};

/* A draw opens: the category of the heading just above it (which holds
 * for every draw under it), else the headline's (for the first one), is
 * its own unless its words name one. */
static void
prose_take_cat(struct prose *pr)
{
	pr->p.head_cat = pr->next_cat ? pr->next_cat : pr->head_cat;
	pr->head_cat = NULL;
}

/* The paragraph's date is now date, and the category the sentence that
 * gave it named cat (NULL: none). */
static void
prose_ctx(struct prose *pr, const char *date, const char *cat)
{
	snprintf(pr->ctx, sizeof(pr->ctx), "%s", date);
	pr->ctx_cat = cat;
}

/* A day that cannot be resolved: the draw being read is done, and the
 * paragraph's date no longer holds. */
static void
prose_lose_date(struct prose *pr, struct draw_list *out)
{
	pending_close(&pr->p, out);
	prose_ctx(pr, "", NULL);
}

/* A draw number stated without values: the next values' draw's. */
static void
prose_keep_number(struct prose *pr, const struct sentence *st)
{
	if (st->number[0] == PCRE2_UNSET)
		return;
	free(pr->number);
	pr->number = sentence_number(st);
}

/* A sentence dates the open draw, so far undated, own.  "Today's draw
 * follows one from yesterday, April 10": what follows is April 10's. */
static void
prose_date_open(struct prose *pr, const struct sentence *st, const char own[11])
{
	struct pending *p = &pr->p;

	memcpy(p->date, own, sizeof(p->date));
	buf_adds(&p->evidence, " ");
	buf_adds(&p->evidence, st->s);
	if (strcmp(st->date, own) != 0)
		prose_ctx(pr, st->date, NULL);
}

/* "The latest draw took place on January 13." opens that draw: the values
 * that follow, in this paragraph or the next, are its own.  Not when the
 * sentence names another day too (whose values follow is unknown) or
 * another draw, nor for a draw to come, nor again for the draw being
 * read.  Returns 1 when it opened one. */
static int
prose_open(struct prose *pr, const struct sentence *st, const char own[11],
           struct draw_list *out)
{
	struct pending *p = &pr->p;
	PCRE2_SIZE ov[16];

	if (strcmp(st->date, own) != 0 || match(P_OTHER_DRAW, st->s, st->len, 0, ov) ||
	    st->future || (p->open && strcmp(p->date, own) == 0))
		return 0;
	pending_close(p, out);
	p->open = 1;
	prose_take_cat(pr);
	pr->held[0] = '\0';
	memcpy(p->date, own, sizeof(p->date));
	prose_ctx(pr, own, NULL);
	p->category = sentence_category(st->s);
	buf_adds(&p->evidence, st->s);
	return 1;
}

/* A sentence with a round's date and no value.  When it dates the draw
 * being read, that draw takes the date, or opens with it; else it is
 * talk of another day: the draw being read is done, and the values that
 * follow in the paragraph are that day's. */
static void
prose_date(struct prose *pr, const struct sentence *st, const struct when *w,
           struct draw_list *out)
{
	struct pending *p = &pr->p;
	PCRE2_SIZE ov[16];
	char own[11];

	/* "Express Entry: 3,800 CEC candidates invited with CRS 511", then
	 * "IRCC held another round on July 4, 2023": the headline's values
	 * are the draw the body's first dated sentence tells of. */
	if (p->open && p->headline && !p->date[0] && !pr->in_headline && !st->future &&
	    match(P_DRAW_WORD, st->s, st->len, 0, ov) && !match(P_OTHER_DRAW, st->s, st->len, 0, ov)) {
		const char *cat = st->other[0] ? NULL : sentence_category(st->s);

		if (!this_draw_date(st->s, st->own, w, st->date, own))
			memcpy(own, st->date, sizeof(own));
		prose_date_open(pr, st, own);
		if (cat)	/* the body's words over the headline's */
			p->category = cat;
		p->headline = 0;
		return;
	}
	/* "Express Entry draw on March 3, 2025" over a paragraph: what
	 * follows is that draw's, as after "The draw took place on ...". */
	if (pr->in_heading && !st->future && !st->other[0] &&
	    match(P_DRAW_WORD, st->s, st->len, 0, ov) && prose_open(pr, st, st->date, out))
		return;
	if (this_draw_date(st->s, st->own, w, st->date, own)) {
		if (p->open && !p->date[0]) {
			prose_date_open(pr, st, own);
			return;
		}
		if (prose_open(pr, st, own, out))
			return;
	}
	if (p->open && (!p->date[0] || strcmp(p->date, st->date) != 0))
		pending_close(p, out);
	prose_ctx(pr, st->date, sentence_category(st->s));
}

/* 1 when st's values are another draw's than p's: a different count or
 * cut-off, a different date, or a date for undated p from a sentence
 * that does not speak of "this draw". */
static int
prose_other_draw(const struct pending *p, const struct sentence *st)
{
	PCRE2_SIZE ov[16];

	if (st->ni > 0 && p->itas >= 0 && st->itas != p->itas)
		return 1;
	if (st->nc > 0 && p->crs >= 0 && st->crs != p->crs)
		return 1;
	if (!st->has_date)
		return 0;
	if (p->date[0])
		return strcmp(st->date, p->date) != 0;
	if (p->headline)	/* the body's first dated sentence */
		return match(P_OTHER_DRAW, st->s, st->len, 0, ov);
	return !match(P_THIS_REF, st->s, st->len, 0, ov);
}

/* The draw being read takes st's values, date, category, number and
 * words; own_date: st's date is its own, not the paragraph's. */
static void
prose_fill(struct prose *pr, const struct sentence *st, int own_date)
{
	struct pending *p = &pr->p;

	if (!p->open) {
		p->headline = pr->in_headline;
		prose_take_cat(pr);
	}
	p->open = 1;
	if (st->ni > 0)
		p->itas = st->itas;
	if (st->nc > 0)
		p->crs = st->crs;
	if (st->has_date && !p->date[0]) {
		memcpy(p->date, st->date, sizeof(p->date));
		if (strcmp(pr->ctx, st->date) != 0)
			prose_ctx(pr, st->date, NULL);
	}
	/* The body's words for the round over its headline's ("invites
	 * trades candidates", then "500 Federal Skilled Trades Class
	 * candidates ... held October 16"). */
	if (st->category && (!p->category || (p->headline && own_date && !st->other[0])))
		p->category = st->category;
	if (!pr->in_headline && st->has_date)
		p->headline = 0;
	if (!p->number && st->number[0] != PCRE2_UNSET)
		p->number = sentence_number(st);
	if (!p->number && pr->number)
		p->number = pr->number, pr->number = NULL;
	if (p->evidence.len)
		buf_adds(&p->evidence, " ");
	buf_adds(&p->evidence, st->s);
}

/* A sentence with values: they go to the draw being read, with the
 * sentence's date, else the date the paragraph gave last; when they are
 * another draw's, the one being read is closed first. */
static void
prose_values(struct prose *pr, struct sentence *st, struct draw_list *out)
{
	struct pending *p = &pr->p;
	int own_date = st->has_date && !pr->in_headline;	/* not the paragraph's */
	PCRE2_SIZE ov[16];

	if (!st->has_date && pr->ctx[0]) {
		memcpy(st->date, pr->ctx, sizeof(st->date));
		if (!st->category)	/* "A French round followed on May 2.
					 * It invited 500 ..." */
			st->category = pr->ctx_cat;
		st->has_date = 1;
	}
	if (!st->category)
		st->category = pr->block_cat;
	if (p->open && prose_other_draw(p, st)) {
		/* A dated draw without values yet, interrupted by another's:
		 * held, for a later sentence about "this" draw. */
		if (p->date[0] && p->itas < 0 && p->crs < 0 &&
		    match(P_OTHER_DRAW, st->s, st->len, 0, ov))
			memcpy(pr->held, p->date, sizeof(pr->held));
		pending_close(p, out);
	}
	if (!p->open && !st->has_date && pr->held[0] &&
	    match(P_THIS_REF, st->s, st->len, 0, ov)) {
		memcpy(st->date, pr->held, sizeof(st->date));
		st->has_date = 1;
		pr->held[0] = '\0';
	}
	prose_fill(pr, st, own_date);
}

/* Values of one kind in s, in the order written: up to max, each at
 * its own place (two patterns reading one number read it once).  Returns
 * how many, or -1 when there are more than max. */
static int
value_list(const char *s, size_t len, const int *ids, size_t nids, long lo, long hi, int floor,
           long *v, size_t *at, int max)
{
	PCRE2_SIZE ov[16];
	size_t i, from;
	int n = 0, j;

	for (i = 0; i < nids; i++)
		for (from = 0; match(ids[i], s, len, from, ov); from = ov[1]) {
			size_t end = value_context(s, ids[i], ov, floor);
			size_t ctx = end > 25 ? end - 25 : 0;
			char *before = xstrndup(s + ctx, end - ctx);
			int approx = match(P_APPROX, before, strlen(before), 0, (PCRE2_SIZE[16]){ 0 });
			long x = number_at(s, ov[2], ov[3]);

			free(before);
			for (j = 0; j < n && at[j] != ov[2]; j++)
				;
			if (approx || x < lo || x > hi || j < n)
				continue;
			if (n == max)
				return -1;
			for (j = n++; j > 0 && at[j - 1] > ov[2]; j--)
				v[j] = v[j - 1], at[j] = at[j - 1];
			v[j] = x, at[j] = ov[2];
		}
	return n;
}

/* value_list() of each part of st's own words between "and"s, in
 * order: "8,000 with a cut-off of 511 and 6,000 with 509" lists two of
 * each, where the whole would read "511 and 6,000" as a range.  At most
 * 5 values; -1 when more. */
static int
respective_values(const struct sentence *st, const int *ids, size_t nids, long lo, long hi,
                  int floor, long v[5], size_t at[5])
{
	size_t start = 0, end, k;
	int n = 0, m;

	while (start < st->own) {
		const char *and = strstr(st->s + start, " and ");
		char *part;

		end = and && (size_t)(and - st->s) < st->own ? (size_t)(and - st->s) : st->own;
		part = xstrndup(st->s + start, end - start);
		m = value_list(part, strlen(part), ids, nids, lo, hi, floor, v + n, at + n, 5 - n);
		free(part);
		if (m < 0)
			return -1;
		for (k = (size_t)n; k < (size_t)(n + m); k++)
			at[k] += start;
		n += m;
		start = end + 5;
	}
	return n;
}

/* The days s[0..len) writes out or names by their weekday, in order,
 * each where it starts (at) and ends (end): how many, at most 5; -1 when
 * there are more, or one it cannot place. */
static int
sentence_dates(const char *s, size_t len, const struct when *w, char dates[5][11],
               size_t at[5], size_t end[5])
{
	static const int date_ids[] = { P_DATE_MDY, P_DATE_DMY, P_DATE_ISO, P_DATE_NUM,
	                                P_DATE_WEEKDAY };
	PCRE2_SIZE ov[16];
	size_t i, from;
	int n = 0, j;

	for (i = 0; i < sizeof(date_ids) / sizeof(date_ids[0]); i++)
		for (from = 0; match(date_ids[i], s, len, from, ov); from = ov[1]) {
			char cand[11];

			if (date_ids[i] == P_DATE_WEEKDAY &&
			    match(P_APPOSED_DATE, s, len, ov[1], (PCRE2_SIZE[16]){ 0 }))
				continue;	/* "on Thursday, August 7": one day */
			if (date_of_match(s, ov, date_ids[i], w, cand) != 0 || n == 5)
				return -1;
			for (j = n++; j > 0 && at[j - 1] > ov[0]; j--) {
				memcpy(dates[j], dates[j - 1], 11);
				at[j] = at[j - 1], end[j] = end[j - 1];
			}
			memcpy(dates[j], cand, 11), at[j] = ov[0], end[j] = ov[1];
		}
	return n;
}

/* "... on January 7 and January 21, when 8,000 invitations with a cut-off
 * of 511 and 6,000 with a cut-off of 509 were sent, respectively": as
 * many dates as counts (or cut-offs), each the same number, two or more,
 * pair in order.  Emits the draws and returns 1; 0 when they do not
 * pair, and the sentence then states nothing. */
static int
respective_draws(const struct sentence *st, const struct when *w, struct draw_list *out)
{
	static const int ita_ids[] = { P_ITA_VERB, P_ITA_NOUN, P_ITA_PASSIVE };
	static const int crs_ids[] = { P_CRS_MIN, P_CRS_WORD, P_CRS_OR_MORE };
	long itas[5], crs[5];
	size_t iat[5], cat[5], dat[5], dend[5];
	char dates[5][11];
	PCRE2_SIZE ov[16];
	int ni, nc, nd, k;

	if (st->future || match(P_TIEBREAK_SENTENCE, st->s, st->own, 0, ov))
		return 0;
	if ((nd = sentence_dates(st->s, st->own, w, dates, dat, dend)) < 0)
		return 0;	/* a date it cannot place: which is whose? */
	ni = respective_values(st, ita_ids, 3, 1, 30000, 0, itas, iat);
	nc = respective_values(st, crs_ids, 3, 67, 1200, 1, crs, cat);
	if (nd < 2 || ni < 0 || nc < 0 || (ni != nd && ni != 0) || (nc != nd && nc != 0) ||
	    ni + nc == 0 || dat[nd - 1] > (ni ? iat[0] : cat[0]))
		return 0;
	for (k = 0; k < nd; k++) {
		struct draw *d = draw_list_add(out);

		memcpy(d->date, dates[k], sizeof(d->date));
		d->invitations = ni ? itas[k] : -1;
		d->crs_cutoff = nc ? crs[k] : -1;
		d->evidence = xstrdup(st->s);
	}
	return 1;
}

/* Where the clause of the next day starts between from and to (a day's
 * end and the next day's start): at the last separator (last) or the
 * first; (size_t)-1 when there is none. */
static size_t
clause_cut(const char *s, size_t from, size_t to, int last)
{
	static const char *const seps[] = { ", ", "; ", ": ", " and ", " while ", " whereas ",
	                                    " - ", " – ", " — " };
	size_t best = (size_t)-1, i;

	for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
		size_t n = strlen(seps[i]), p;

		for (p = from; p + n <= to; p++)
			if (memcmp(s + p, seps[i], n) == 0 &&
			    (best == (size_t)-1 || (last ? p > best : p < best)))
				best = p;
	}
	return best;
}

/* "PNP on November 25 (777 ITAs, CRS 699) and CEC on November 26 (1,000
 * ITAs, CRS 531)": a sentence that states two counts or two cut-offs and
 * names two days or more is read clause by clause, cut between each day
 * and the next at the last separator, and before the first day at the
 * last one ("Two draws last week: ..."); else, for values written before
 * their day, cut at the first separator after each day.  Each clause
 * must be one draw's whole evidence on its own: its day, one count and
 * one cut-off.  Emits the draws and returns 1; 0 when a clause is not,
 * and the sentence is then read as before. */
static int
several_draws(const struct sentence *st, const struct when *w, struct draw_list *out)
{
	char dates[5][11];
	size_t at[5], end[5], cut[6];
	struct sentence part[5];
	char *text[5];
	const char *whole;
	int nd, k, last, ok;

	if (st->future || (st->ni >= 0 && st->nc >= 0) ||
	    match(P_TIEBREAK_SENTENCE, st->s, st->len, 0, (PCRE2_SIZE[16]){ 0 }) ||
	    (nd = sentence_dates(st->s, st->len, w, dates, at, end)) < 2)
		return 0;
	whole = sentence_category(st->s);
	for (last = 1; last >= 0; last--) {
		cut[0] = last ? clause_cut(st->s, 0, at[0], 1) : (size_t)-1;
		if (cut[0] == (size_t)-1)
			cut[0] = 0;
		cut[nd] = st->len;
		for (k = 1, ok = 1; k < nd && ok; k++)
			ok = (cut[k] = clause_cut(st->s, end[k - 1], at[k], last)) != (size_t)-1;
		for (k = 0; k < nd && ok; k++) {
			text[k] = xstrndup(st->s + cut[k], cut[k + 1] - cut[k]);
			sentence_read(&part[k], text[k], w, 0);
			ok = part[k].has_date && !part[k].vague && !part[k].future &&
			     part[k].ni == 1 && part[k].nc == 1 && strcmp(part[k].date, dates[k]) == 0;
		}
		if (!ok) {
			while (k > 0)
				free(text[--k]);
			continue;
		}
		for (k = 0; k < nd; k++) {
			struct draw *d = draw_list_add(out);

			memcpy(d->date, dates[k], sizeof(d->date));
			d->invitations = part[k].itas;
			d->crs_cutoff = part[k].crs;
			d->category = part[k].category ? part[k].category : whole;
			d->evidence = xstrdup(st->s);
			free(text[k]);
		}
		return 1;
	}
	return 0;
}

/* "... follows an all-program draw on December 11.  That draw invited
 * 4,100 ...": values in a sentence that opens on the other draw the
 * sentence before named, and gives no day of its own, are that draw's,
 * one record of this sentence alone; the draw being read is done, and
 * the paragraph's date is still its own.  Returns 1 when st was such a
 * sentence. */
static int
prose_that_draw(struct prose *pr, struct sentence *st, struct draw_list *out)
{
	PCRE2_SIZE ov[16];
	char ctx[11];
	const char *cat;
	char *number;

	if (!pr->other[0] || st->said != SAID_VALUES || st->has_date ||
	    !match(P_THAT_REF, st->s, st->len, 0, ov))
		return 0;
	pending_close(&pr->p, out);
	memcpy(st->date, pr->other, sizeof(st->date));
	st->has_date = 1;
	memcpy(ctx, pr->ctx, sizeof(ctx));
	cat = pr->ctx_cat;
	number = pr->number, pr->number = NULL;	/* the draw being read's */
	prose_values(pr, st, out);
	pending_close(&pr->p, out);
	pr->number = number;
	prose_ctx(pr, ctx, cat);
	return 1;
}

/* A sentence without values that names a category: "Program: Canadian
 * Experience Class", a line of a block of fields, is the category of the
 * block's draw, whichever line comes first; "The round was open to
 * candidates in the Provincial Nominee Program." or a category alone
 * ("trade occupations", a cell of a row) is the draw being read's when
 * it has none.  A heading of its own that names a category ("Provincial
 * Nominee Program", "Education — first round") when no draw is being
 * read, or one that has its category already, heads the draws that open
 * below it, in the next paragraph or block of fields; one of another
 * category ends the draw being read.  A question ("Q. Was there a trades
 * draw?") heads its answer so. */
static void
prose_aside_category(struct prose *pr, const struct sentence *st, struct draw_list *out)
{
	struct pending *p = &pr->p;
	PCRE2_SIZE ov[16];
	const char *cat = NULL, *has = p->category ? p->category : p->head_cat;
	int reading = p->open && (p->itas >= 0 || p->crs >= 0);
	int round_was = match(P_ROUND_WAS, st->s, st->len, 0, ov), question;

	if (match(P_FIELD_CAT, st->s, st->len, 0, ov) &&
	    (cat = sentence_category(st->s + ov[1] - 1)) != NULL) {
		pr->block_cat = cat;
		if (p->open && !p->category)
			p->category = cat;
		return;
	}
	question = pr->alone && st->len && st->s[st->len - 1] == '?';
	if (st->has_date ||
	    !(round_was || question || (st->len <= 48 && !strpbrk(st->s, "0123456789"))) ||
	    (cat = sentence_category(st->s)) == NULL)
		return;
	if (reading && !has && !question)
		p->category = cat;
	else if (pr->alone && !round_was) {
		if (reading && (!has || strcmp(has, cat) != 0))
			pending_close(p, out);	/* !has: a question */
		pr->next_cat = cat;
		pr->next_cat_para = pr->para;
	}
}

/* "The following day, it invited ...": st is dated a day (or two, or
 * three) after the round just read, when it names no other day or
 * draw.  1 when it dated st. */
static int
day_later(const struct prose *pr, struct sentence *st, const struct when *w)
{
	static const char *const words[] = { "one", "two", "three" };
	const char *base = pr->p.open && pr->p.date[0] ? pr->p.date : pr->ctx;
	PCRE2_SIZE ov[16];
	long k = 1, day;
	char cand[11];
	size_t i;

	if (!st->vague || !base[0] || !match(P_DAY_LATER, st->s, st->len, 0, ov) ||
	    vague_day(st->s + ov[1], st->len - ov[1]) ||
	    match(P_OTHER_DRAW, st->s, st->own, 0, (PCRE2_SIZE[16]){ 0 }) ||
	    find_date(st->s, st->own, 0, w, cand))
		return 0;
	if (ov[2] != PCRE2_UNSET) {
		k = atol(st->s + ov[2]);
		for (i = 0; i < 3; i++)
			if (strncasecmp(st->s + ov[2], words[i], strlen(words[i])) == 0)
				k = (long)i + 1;
	}
	if ((day = day_number(base)) < 0)
		return 0;
	iso_of_day(day + k, cand);
	if (!round_day(w, atoi(cand), atoi(cand + 5), atoi(cand + 8)))
		return 0;
	memcpy(st->date, cand, sizeof(cand));
	st->has_date = 1;
	st->vague = 0;
	if (st->said == SAID_ASIDE)
		st->said = SAID_DATE;
	return 1;
}

/* The state machine's step: a sentence that names a day that cannot be
 * resolved closes the draw being read; then one with values opens or
 * fills a draw, one with a date dates, opens or closes one, and one
 * without values keeps the draw number it states for the values to come. */
static void
prose_step(struct prose *pr, struct sentence *st, const struct when *w,
           struct draw_list *out)
{
	PCRE2_SIZE ov[16];
	int that = prose_that_draw(pr, st, out);

	memcpy(pr->other, st->other, sizeof(pr->other));
	if (that)
		return;
	/* A block of fields that dates another day is another round's. */
	if (st->has_date && pr->ctx[0] && strcmp(st->date, pr->ctx) != 0)
		pr->block_cat = NULL;
	if (st->said != SAID_VALUES) {
		prose_keep_number(pr, st);
		prose_aside_category(pr, st, out);
	}
	if (st->vague && !day_later(pr, st, w))
		prose_lose_date(pr, out);
	if (match(P_RESPECTIVELY, st->s, st->len, 0, ov)) {
		respective_draws(st, w, out);
		return;
	}
	if (several_draws(st, w, out)) {
		prose_lose_date(pr, out);
		return;
	}
	switch (st->said) {
	case SAID_VALUES:
		prose_values(pr, st, out);
		break;
	case SAID_DATE:
		prose_date(pr, st, w, out);
		break;
	case SAID_ASIDE:
		break;
	}
}

/* 1 when p is the page's own date line ("Published: June 28, 2023",
 * "Last updated on ..."): the page's day, which text_date() reads, not
 * a draw's, so it neither dates nor ends the draw being read (a headline's
 * values, dated by the body after it). */
static int
byline(const char *p)
{
	PCRE2_SIZE ov[16];
	size_t len = strlen(p);

	return len <= 120 && (match(P_PUBLISHED, p, len, 0, ov) || match(P_UPDATED, p, len, 0, ov) ||
	                      match(P_BYLINE, p, len, 0, ov));
}

/* 1 when paragraph p is a day alone (P_DATELINE: "Thu 28 May 2026,
 * 15:42 ET", "March 20, 2024 | 4 min read") that w can place, into day. */
static int
day_alone(const char *p, const struct when *w, char day[11])
{
	PCRE2_SIZE ov[16];
	size_t len = strlen(p);

	return len <= 80 && match(P_DATELINE, p, len, 0, ov) &&
	       find_date(p + ov[2], ov[3] - ov[2], 0, w, day);
}

/* The page's date from a line near its top that holds only that:
 * "March 20, 2024", "26 March 2024, 10:15 AM IST", "March 20, 2024 | 4
 * min read", "By Jane Doe, March 20, 2024" (P_DATELINE), into out when
 * it is still empty.  Returns the line's index, or 0. */
static size_t
dateline(const struct article_doc *doc, int day_first, char out[11])
{
	struct when none = { "", "", 0, "", -1, NULL, day_first, "" };
	char day[11];
	size_t i;

	for (i = 0; i < doc->paras.n && i < 12; i++) {
		const char *p = doc->paras.v[i];

		if (strlen(p) > 160)
			break;	/* the body has begun */
		/* "627" then "July 7, 2021": a cell of a table in lines */
		if (i > 0 && strspn(doc->paras.v[i - 1], "0123456789,. ") ==
		             strlen(doc->paras.v[i - 1]))
			continue;
		if (day_alone(p, &none, day)) {
			if (!out[0])
				memcpy(out, day, sizeof(day));
			return i;
		}
	}
	return 0;
}

/* 1 when p is a line of a list of one round's facts, which holds the
 * list's date as a block of fields does: short, no sentence's end, and a
 * value ("3,800 invitations", "CRS 511") or a category alone ("Canadian
 * Experience Class", into *cat). */
static int
list_line(const char *p, const char **cat)
{
	static const int ids[] = { P_ITA_NOUN, P_CRS_WORD, P_CRS_UNIT, P_CRS_MIN };
	PCRE2_SIZE ov[16];
	size_t len = strlen(p), i;

	if (!len || len > 48 || strchr(".?!:", p[len - 1]))
		return 0;
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (match(ids[i], p, len, 0, ov))
			return 1;
	if (strpbrk(p, "0123456789") || !(*cat = sentence_category(p)))
		return 0;
	return 1;
}

/* 1 when p is a line of at most max bytes that no full stop ends: the
 * page's first such line (160) is its headline; a later one (120), a
 * heading ("Express Entry draw on March 3, 2025", "What was the
 * cut-off?"). */
static int
short_line(const char *p, size_t max)
{
	size_t len = strlen(p);

	return len > 0 && len <= max && p[len - 1] != '.';
}

/* The full date that group 1 of a match (ov) in p states, read alone
 * (no page's date to place a day without a year), into day; 0 without. */
static int
group_date(const char *p, const PCRE2_SIZE *ov, int day_first, char day[11])
{
	struct when none = { "", "", 0, "", -1, NULL, day_first, "" };
	char *rest = xstrndup(p + ov[2], ov[3] - ov[2]);
	int found = find_date(rest, strlen(rest), 0, &none, day);

	free(rest);
	return found;
}

/* A "Posted: Thu Sep 04, 2025 10:02 am" line in the body, a forum's post,
 * or a day and time alone, a live blog's entry ("Thu 28 May 2026, 15:42
 * ET"), dates what follows it: "today" and "Wednesday" below it are
 * counted from its day, which here takes as the page's. */
static void
post_date(const char *p, struct when *here)
{
	PCRE2_SIZE ov[16];
	size_t len = strlen(p);
	char day[11];

	if (len > 120 || !(match(P_PUBLISHED, p, len, 0, ov) ||
	                   (match(P_DATELINE, p, len, 0, ov) && strchr(p + ov[3], ':'))) ||
	    !group_date(p, ov, here->day_first, day) || strcmp(day, here->pub) == 0)
		return;
	memcpy(here->pub, day, sizeof(here->pub));
	if (strcmp(day, here->last) > 0)
		memcpy(here->last, day, sizeof(here->last));
}

/* A thread's or a live blog's last post may be days after the page's
 * date (its first post's): its rounds count up to the latest "Posted:"
 * day on the page, as up to an update's. */
static void
latest_post(const struct article_doc *doc, struct when *w)
{
	struct when here = *w;
	size_t i;

	for (i = 0; i < doc->paras.n; i++)
		post_date(doc->paras.v[i], &here);
	memcpy(w->last, here.last, sizeof(w->last));
}

/* 1 when paragraph p is a province's and opens a list, ending on a
 * colon ("... has held a new draw.  Details:"). */
static int
province_list(const char *p)
{
	size_t n = strlen(p);

	while (n && isspace((unsigned char)p[n - 1]))
		n--;
	return n && p[n - 1] == ':' && provincial(p, n);
}

/* 1 when p is a heading of words alone: short, no digit, no full stop
 * ("British Columbia (BC PNP)", "Federal rounds"). */
static int
words_heading(const char *p)
{
	const char *c;

	if (!short_line(p, 60) || strpbrk(p, "0123456789"))
		return 0;
	for (c = p; *c; c++)
		if (isalpha((unsigned char)*c))
			return 1;
	return 0;
}

/* 1 when p is a heading of words that is a province's or its program's
 * name, not Express Entry's ("Ontario (OINP)", "Saskatchewan"): what
 * follows it, to the next heading, is the province's, not a round of
 * Express Entry's. */
static int
province_heading(const char *p)
{
	PCRE2_SIZE ov[16];

	return words_heading(p) && provincial(p, strlen(p)) &&
	       match(P_PROVINCE_HEADING, p, strlen(p), 0, ov);
}

/* 1 when read_prose() skips paragraph i: a byline, or the page's own
 * date line (day, paragraph top), which dates no round unless a list of
 * a round's facts follows it ("July 4, 2023" / "3,800 invitations" /
 * ...); or a field (field) of the list a province's paragraph opened
 * (*province, which the paragraphs that are no field set); or any
 * paragraph of the section a heading that names a province opened
 * (*section, which each heading of words sets). */
static int
prose_skips(const struct article_doc *doc, size_t i, size_t top, const char *day, int field,
            int *province, int *section)
{
	const char *next_cat = NULL;

	if (words_heading(doc->paras.v[i]))
		*section = province_heading(doc->paras.v[i]);
	else if (*section)
		return 1;
	if (!field)
		*province = province_list(doc->paras.v[i]);
	else if (*province)
		return 1;
	return byline(doc->paras.v[i]) ||
	       (day[0] && i == top &&
	        !(i + 1 < doc->paras.n && list_line(doc->paras.v[i + 1], &next_cat)));
}

/* After a sentence that states a province's draw, the next ones that
 * name neither Express Entry nor IRCC go on with the province, to the
 * next heading ("Quebec invited 1,410 from its Arrima pool on February
 * 15.  A second round on February 22 invited 1,201."): they state no
 * round either. */
static void
province_goes_on(struct prose *pr, struct sentence *st)
{
	PCRE2_SIZE ov[16];

	if (st->provincial)
		pr->in_province = 1;
	else if (pr->in_province && match(P_FEDERAL, st->s, st->len, 0, ov))
		pr->in_province = 0;
	else if (pr->in_province)
		sentence_drop(st);
}

/* Paragraph i opens, its sentences into sent: the paragraph's date, the
 * sentence before's other day and the block's category go unless keep
 * (a field of a block, a paragraph under a day alone); field: it is a
 * field ("Date: June 27, 2023") or a line of a round's facts, line_cat
 * the category it names alone. */
static void
prose_para(struct prose *pr, const struct article_doc *doc, size_t i, int field, int keep,
           const char *line_cat, struct strlist *sent)
{
	const char *p = doc->paras.v[i];

	if (!keep) {
		prose_ctx(pr, "", NULL);
		pr->other[0] = '\0';
		pr->block_cat = NULL;
	}
	if (line_cat)
		pr->block_cat = line_cat;
	pr->para = i;
	if (pr->next_cat && pr->next_cat_para + 1 < i && !field)
		pr->next_cat = NULL;	/* no draw opened under its heading */
	pr->in_headline = i == 0 && short_line(p, 160);
	sentences(p, sent);
	pr->alone = short_line(p, 120) && (sent->n == 1 || p[strlen(p) - 1] == '?');
	pr->in_heading = !field && pr->alone;
	if (pr->in_heading)
		pr->in_province = 0;
}

/* Reads the draws stated in prose.  Sentence by sentence: a sentence's
 * values go to the draw being read, with its date, else the date the
 * paragraph gave last; a different value or date starts the next draw.
 * What a sentence says is sentence_read()'s to judge, what follows from
 * it for the draw being read is prose_step()'s. */
static void
read_prose(const struct article_doc *doc, const struct when *w, size_t limit,
           struct draw_list *out)
{
	struct prose pr;
	struct sentence st;
	PCRE2_SIZE ov[16];
	size_t i, j;
	int fields = 0;		/* the paragraph before was a field */
	int dated = 0;		/* it ended on a round's date, no value */
	int province = 0;	/* it opened a province's list */
	int section = 0;	/* a heading that names a province is above */
	int stamp = 0;		/* it was a day alone, a live blog's entry's */

	char day[11] = "", day_seen[11];
	size_t top = dateline(doc, w->day_first, day);
	struct when here = *w;	/* the day of the post being read */

	/* A day alone that is not the page's (a live blog's first entry
	 * under a page dated otherwise) is no date line of its own. */
	if (day[0] && w->pub[0] && labs(day_number(day) - day_number(w->pub)) > 1 &&
	    strcmp(day, doc->modified) != 0)
		day[0] = '\0';

	memset(&pr, 0, sizeof(pr));
	pending_reset(&pr.p);
	for (i = 0; i < doc->paras.n && out->n < limit; i++) {
		struct strlist sent = {0};
		const char *line_cat = NULL;
		int field = match(P_FIELD, doc->paras.v[i], strlen(doc->paras.v[i]), 0, ov) ||
		            list_line(doc->paras.v[i], &line_cat);

		post_date(doc->paras.v[i], &here);
		if (prose_skips(doc, i, top, day, field, &province, &section))
			continue;
		/* A paragraph's date holds in it only, or in a block of
		 * fields, one a line ("Date: June 27, 2023", "Invitations:
		 * 4,300"), through the block; a block may take the date of
		 * the line just before it that dates a round and states no
		 * value ("Express Entry draw results for April 30, 2024"); a
		 * paragraph, that of a day alone on the line before it (a live
		 * blog's "Thu 28 May 2026, 15:42 ET"). */
		prose_para(&pr, doc, i, field, (field && (fields || dated)) || stamp, line_cat,
		           &sent);
		fields = field;
		dated = 0;
		for (j = 0; j < sent.n; j++) {
			memcpy(here.near, pr.ctx, sizeof(here.near));
			sentence_read(&st, sent.v[j], &here, pr.p.open && pr.p.date[0]);
			province_goes_on(&pr, &st);
			prose_step(&pr, &st, &here, out);
			dated = st.said == SAID_DATE && !st.vague && !st.future &&
			        match(P_DRAW_WORD, st.s, st.len, 0, ov) &&
			        !match(P_OTHER_DRAW, st.s, st.len, 0, ov);
		}
		strlist_release(&sent);
		if (pr.in_headline && !pr.p.open)
			pr.head_cat = sentence_category(doc->paras.v[i]);
		stamp = day_alone(doc->paras.v[i], &here, day_seen);
	}
	pending_close(&pr.p, out);
	free(pr.number);
}

/* 1 when w begins a word of h: "date" is in "Draw date", not in "lowest-
 * ranked candidate". */
static int
word_start(const char *h, const char *w)
{
	const char *p;

	for (p = h; (p = strcasestr(p, w)) != NULL; p++)
		if (p == h || !isalnum((unsigned char)p[-1]))
			return 1;
	return 0;
}

/* Header words of summary tables, one table for every site. */
enum column { COL_NONE, COL_DATE, COL_TYPE, COL_ITAS, COL_CRS, COL_NUMBER, COL_PROVINCE,
              COL_DRAW };
static const struct {
	const char *word;
	enum column col;
} headers[] = {
	{ "province", COL_PROVINCE },
	{ "date", COL_DATE }, { "held", COL_DATE }, { "when", COL_DATE },
	/* before "invited": "CRS score of lowest-ranked candidate invited" */
	{ "CRS", COL_CRS }, { "cut-off", COL_CRS }, { "cutoff", COL_CRS },
	{ "score", COL_CRS }, { "points", COL_CRS },
	{ "invitation", COL_ITAS }, { "ITA", COL_ITAS }, { "invited", COL_ITAS },
	{ "invites", COL_ITAS }, { "size", COL_ITAS }, { "how many", COL_ITAS },
	{ "type", COL_TYPE }, { "category", COL_TYPE }, { "program", COL_TYPE },
	{ "stream", COL_TYPE },
	{ "draw #", COL_NUMBER }, { "draw no", COL_NUMBER }, { "number", COL_NUMBER },
	{ "round", COL_NUMBER }, { "#", COL_NUMBER }, { "no.", COL_NUMBER },
	/* "Draw" alone: its number ("#290") or its category ("All", "FST") */
	{ "draw", COL_DRAW },
};

static enum column
column_of(const char *h)
{
	static const char *const change[] = { "+/-", "±", "Δ", "change", "diff", NULL };
	size_t i;

	/* "+/- ITAs", "Change in CRS": a difference, no draw's value; not
	 * "CRS (change)", the value with its change beside it */
	for (i = 0; change[i]; i++) {
		const char *c = strcasestr(h, change[i]), *paren = strchr(h, '(');

		if (c && !(paren && paren < c))
			return COL_NONE;
	}
	for (i = 0; i < sizeof(headers) / sizeof(headers[0]); i++)
		if (word_start(h, headers[i].word))
			return headers[i].col;
	return COL_NONE;
}

/* The year a short heading names without naming a day ("Express Entry
 * rounds in 2024"), or 0. */
static int
heading_year(const char *h)
{
	PCRE2_SIZE ov[16];
	size_t len = strlen(h);
	const char *y;

	if (len >= 120 || match(P_DATE_MDY, h, len, 0, ov) || match(P_DATE_DMY, h, len, 0, ov))
		return 0;
	for (y = h; *y; y++)
		if ((y[0] == '1' || y[0] == '2') && isdigit((unsigned char)y[1]) &&
		    isdigit((unsigned char)y[2]) && isdigit((unsigned char)y[3]) &&
		    !isdigit((unsigned char)y[4]) && (y == h || !isdigit((unsigned char)y[-1])) &&
		    atoi(y) >= 2015 && atoi(y) <= 2100)
			return atoi(y);
	return 0;
}

/* The columns of a table's header row, the first 32 at most, into cols
 * and *n; 1 when one is a date and one a count or a cut-off, -1 when one
 * is a province ("Province | Date | Stream | Invitations"): a table of
 * the provinces' own draws, none of them a round. */
static int
table_columns(const struct strlist *head, enum column cols[32], size_t *n)
{
	size_t c;
	int have_date = 0, have_value = 0, province = 0;

	*n = head->n < 32 ? head->n : 32;
	for (c = 0; c < *n; c++) {
		cols[c] = column_of(head->v[c]);
		/* "Number of ITAs" is invitations, not a draw number. */
		if (cols[c] == COL_NUMBER && strcasestr(head->v[c], "ITA"))
			cols[c] = COL_ITAS;
		have_date |= cols[c] == COL_DATE;
		have_value |= cols[c] == COL_ITAS || cols[c] == COL_CRS;
		province |= cols[c] == COL_PROVINCE;
	}
	if (province)
		return -1;
	return have_date && have_value;
}

/* A table row being read, cell by cell. */
struct table_row {
	char date[11];
	long itas, crs;
	char *name, *number;
	int number_clash;
	const char *category;
	struct buf ev;
};

/* A draw number cell.  Two number columns that disagree state no number. */
static void
table_number(struct table_row *r, const char *v)
{
	while (*v == '#' || isspace((unsigned char)*v))	/* "#251" */
		v++;
	if (!*v || draw_number_key(v) < 0)
		return;
	if (r->number_clash || (r->number && strcmp(r->number, v) != 0)) {
		free(r->number);
		r->number = NULL;
		r->number_clash = 1;
	} else if (!r->number)
		r->number = xstrdup(v);
}

/* A cell of the round's type: its name and category ("All" is all
 * programs' in a type column). */
static void
table_type(struct table_row *r, const char *v)
{
	free(r->name);
	r->name = xstrdup(v);
	r->category = sentence_category(v);
	if (!r->category && strcasecmp(v, "all") == 0)
		r->category = "general";
}

/* What cell v of column col says of its row's draw. */
static void
table_cell(struct table_row *r, enum column col, const char *v, const struct when *w)
{
	size_t len = strlen(v);

	switch (col) {
	case COL_DATE:
		find_date(v, len, 0, w, r->date);
		if (!r->category)	/* "16 Oct 2019 (Federal Skilled Trades)" */
			r->category = sentence_category(v);
		break;
	case COL_ITAS:
		if (len)
			r->itas = number_at(v, 0, len);
		break;
	case COL_CRS:
		if (len)
			r->crs = number_at(v, 0, len);
		break;
	case COL_DRAW:
		if (strpbrk(v, "0123456789"))
			table_number(r, v);
		else
			table_type(r, v);
		break;
	case COL_TYPE:
		table_type(r, v);
		break;
	case COL_NUMBER:
		table_number(r, v);
		break;
	default:
		break;
	}
}

/* One row under the header: a draw when it states a date and a count or
 * a cut-off within the bounds of a real draw's; its cells, joined, are
 * the evidence. */
static void
read_table_row(const struct strlist *row, const enum column *cols, size_t n,
               const struct when *w, struct draw_list *out)
{
	struct table_row r;
	struct draw *d;
	size_t c;

	memset(&r, 0, sizeof(r));
	r.itas = r.crs = -1;
	for (c = 0; c < n && c < row->n; c++) {
		if (c)
			buf_adds(&r.ev, " | ");
		buf_adds(&r.ev, row->v[c]);
		table_cell(&r, cols[c], row->v[c], w);
	}
	if (r.itas > 30000 || r.itas == 0)
		r.itas = -1;
	if (r.crs < 67 || r.crs > 1200)
		r.crs = -1;
	/* "BC PNP Skills Immigration - Tech": a province's draw */
	if (!r.date[0] || (r.itas < 0 && r.crs < 0) ||
	    (r.name && provincial(r.name, strlen(r.name)))) {
		free(r.name), free(r.number), buf_release(&r.ev);
		return;
	}
	d = draw_list_add(out);
	memcpy(d->date, r.date, sizeof(r.date));
	d->invitations = r.itas;
	d->crs_cutoff = r.crs;
	d->name = r.name;
	d->category = r.category;
	d->number = r.number;
	d->evidence = buf_detach(&r.ev, NULL);
}

/* A page does not report a draw from after it was written: a draw it
 * dates more than a day (a time zone's worth) past its publication date,
 * or the date it says it was last updated, is a forecast or a typo.  A
 * table whose heading names its year ("Draws in 2024") may have grown
 * since: its rows are bounded by the day the body was fetched instead,
 * and the heading by the page's year (table_year()).  Records from first
 * on that break the bound are dropped, with a warning. */
static void
drop_future(struct draw_list *out, size_t first, const struct when *w, struct strlist *warn)
{
	long last = -1;
	size_t i = first;

	if (w->year)
		last = w->fetched >= 0 ? w->fetched + 1 : -1;
	else if (w->last[0])
		last = day_number(w->last) + 1;
	while (last >= 0 && i < out->n) {
		if (day_number(out->v[i].date) <= last) {
			i++;
			continue;
		}
		if (w->year)
			strlist_addf(warn, "a draw dated %s is after the page was fetched; not taken",
			             out->v[i].date);
		else
			strlist_addf(warn, "a draw dated %s is after the page's date, %s; not taken",
			             out->v[i].date, w->last);
		draw_release(&out->v[i]);
		memmove(&out->v[i], &out->v[i + 1], (out->n - i - 1) * sizeof(out->v[0]));
		out->n--;
	}
}

/* The year a table's heading h names, when the page can have written it:
 * not after the year it was published or last updated.  0 when none. */
static int
table_year(const char *h, const struct when *w)
{
	int y = heading_year(h);

	return y && (!w->last[0] || y <= atoi(w->last)) ? y : 0;
}

/* A table that names its fields down its first column ("Date",
 * "Invitations issued", "CRS cut-off") and gives a draw a column after
 * it: a draw's details, or several draws side by side. */
static int
read_down(const struct article_table *t, const struct when *w, size_t limit,
          struct draw_list *out)
{
	enum column cols[32];
	struct strlist labels = {0};
	size_t r, c, n, width = 0;
	int down;

	for (r = 0; r < t->nrows && r < 32; r++) {
		strlist_add(&labels, t->rows[r].n ? t->rows[r].v[0] : "");
		if (t->rows[r].n > width)
			width = t->rows[r].n;
	}
	down = table_columns(&labels, cols, &n) > 0;
	strlist_release(&labels);
	for (c = 1; down && c < width && c < 32 && out->n < limit; c++) {
		struct strlist cells = {0};

		for (r = 0; r < n; r++)
			strlist_add(&cells, c < t->rows[r].n ? t->rows[r].v[c] : "");
		read_table_row(&cells, cols, n, w, out);
		strlist_release(&cells);
	}
	return down;
}

/* The cells of row joined by sep, as one line; caller frees. */
static char *
row_text(const struct strlist *row, const char *sep)
{
	struct buf line = {0};
	size_t c;

	for (c = 0; c < row->n; c++) {
		if (c)
			buf_adds(&line, sep);
		buf_adds(&line, row->v[c]);
	}
	if (line.len)
		return buf_detach(&line, NULL);
	buf_release(&line);	/* empty cells may have grown it */
	return xstrdup("");
}

/* A table that names no columns, across or down, whose rows each open on
 * a day ("3rd September: 400 ITAs | trade occupations | cut-off 364"): a
 * list of rounds a line, its cells parted by bars; each row is read as
 * prose, a cell a sentence. */
static void
read_rows_as_prose(const struct article_table *t, const struct when *w, size_t limit,
                   struct draw_list *out)
{
	static const int ids[] = { P_DATE_MDY, P_DATE_DMY, P_DATE_ISO };
	struct article_doc rows;
	PCRE2_SIZE ov[16];
	size_t r, i;

	memset(&rows, 0, sizeof(rows));
	for (r = 0; r < t->nrows; r++) {
		const struct strlist *row = &t->rows[r];
		int dated = 0;
		char *line;

		for (i = 0; row->n && i < sizeof(ids) / sizeof(ids[0]); i++)
			dated |= match(ids[i], row->v[0], strlen(row->v[0]), 0, ov) && ov[0] <= 3;
		if (!dated)
			continue;
		line = row_text(row, "; ");
		strlist_add(&rows.paras, line);
		free(line);
	}
	read_prose(&rows, w, limit, out);
	strlist_release(&rows.paras);
}

/* Below: a table without a header whose rows are rounds a row. */
static size_t rows_as_lines(const struct article_table *t, const struct when *w, size_t limit,
                            struct draw_list *out);

/* The first of a stacked table's k cells (under the header's columns
 * cols) that holds no value and is a full date ("Round", "Invited",
 * "Minimum score", then "2 Oct 2019"), or -1. */
static int
full_date_cell(char *const *cells, const enum column *cols, size_t k)
{
	PCRE2_SIZE ov[16];
	size_t c;

	for (c = 0; c < k; c++) {
		size_t len = strlen(cells[c]);

		if (cols[c] != COL_ITAS && cols[c] != COL_CRS &&
		    (match(P_DATE_MDY, cells[c], len, 0, ov) || match(P_DATE_DMY, cells[c], len, 0, ov)) &&
		    ov[6] != PCRE2_UNSET)
			return (int)c;
	}
	return -1;
}

/* A table whose header names values but no date ("Round | Invited |
 * Minimum score") whose first row has a full date in a column the
 * header names no value ("2 Oct 2019"): that column is the date's.
 * Returns 1 then, with cols changed, else 0. */
static int
dated_column(const struct article_table *t, enum column *cols, size_t n)
{
	size_t c;
	int value = 0, date;

	for (c = 0; c < n; c++)
		value |= cols[c] == COL_ITAS || cols[c] == COL_CRS;
	if (!value || t->nrows < 2 ||
	    (date = full_date_cell(t->rows[1].v, cols, n < t->rows[1].n ? n : t->rows[1].n)) < 0)
		return 0;
	cols[date] = COL_DATE;
	return 1;
}

/* Columns cols with no round number (a legend's "#" counts lines). */
static void
no_numbers(enum column *cols, size_t n)
{
	size_t c;

	for (c = 0; c < n; c++)
		if (cols[c] == COL_NUMBER)
			cols[c] = COL_NONE;
}

/* A summary table: a header row that names its columns, then a draw a
 * row. */
static void
read_table(const struct article_table *t, const struct when *w0, size_t limit,
           struct draw_list *out, struct strlist *warn)
{
	enum column cols[32];
	struct when w = *w0;
	size_t r, n, from = out->n;
	int head;

	if (t->nrows < 2)
		return;
	/* "Summary of Express Entry draws in 2024": the year of yearless dates. */
	if (t->context)
		w.year = table_year(t->context, &w);
	head = table_columns(&t->rows[0], cols, &n);
	if (head == 0)
		head = dated_column(t, cols, n);
	if (head > 0)
		for (r = 1; r < t->nrows && out->n < limit; r++)
			read_table_row(&t->rows[r], cols, n, &w, out);
	/* "1|2023-01-11|5500|507|general" ... then "# fields: n|date|
	 * invitations|cut-off|type": the legend under the rows heads them;
	 * its "n" counts the rows, not IRCC's rounds */
	else if (head == 0 && t->nrows > 2 && table_columns(&t->rows[t->nrows - 1], cols, &n) > 0) {
		no_numbers(cols, n);
		for (r = 0; r + 1 < t->nrows && out->n < limit; r++)
			read_table_row(&t->rows[r], cols, n, &w, out);
	}
	else if (head == 0 && !read_down(t, &w, limit, out) && !rows_as_lines(t, &w, limit, out))
		read_rows_as_prose(t, &w, limit, out);
	drop_future(out, from, &w, warn);
}

/* A run of digits that is a count of at most maxk digits and a score
 * run together ("920739", "4433900"), in either order: when exactly one
 * split gives a score from 67 to 1200 and a count from 1 to 30000,
 * neither part with a leading zero, sets a (the first column's) and b; 0
 * when none or several do ("5180": 5 and 180, or 51 and 80). */
static int
count_and_score(const char *t, int itas_first, size_t maxk, long *a, long *b)
{
	size_t len = strlen(t), k, cut;
	long x, y, count, score;
	int found = 0;

	if (len < 3 || strspn(t, "0123456789") != len)
		return 0;
	for (k = 1; k <= maxk && k < len; k++) {
		cut = itas_first ? k : len - k;
		if (t[0] == '0' || t[cut] == '0')
			continue;
		x = number_at(t, 0, cut);
		y = number_at(t, cut, len);
		count = itas_first ? x : y;
		score = itas_first ? y : x;
		if (score < 67 || score > 1200 || count < 1 || count > 30000)
			continue;
		if (found++)
			return 0;
		*a = x, *b = y;
	}
	return found;
}

/* Splits a flattened row's numbers: "291 855", "1,800400" (a comma-grouped
 * count then a 3-digit score, or the reverse), "472".  In a table that
 * writes counts above 999 with a separator (grouped), a longer run without
 * one is a small count and a score: "920739" is 920 and 739.  In one
 * that writes none, a run of six digits or more is no one value (a count
 * is at most 30000, a score at most 1200): "4433900" is 443 and 3900.
 * Returns how many values it read (0: ambiguous). */
static int
flat_numbers(const char *t, int itas_first, int grouped, long *a, long *b)
{
	const char *sp = strchr(t, ' ');
	size_t len = strlen(t);
	char *comma;

	if (grouped && !sp && len > 3 && !strpbrk(t, ",."))
		return count_and_score(t, itas_first, 3, a, b) ? 2 : 0;
	if (!grouped && !sp && len >= 6 && !strpbrk(t, ",."))
		return count_and_score(t, itas_first, 5, a, b) ? 2 : 0;

	if (sp) {
		*a = number_at(t, 0, (size_t)(sp - t));
		while (*sp == ' ')
			sp++;
		*b = number_at(sp, 0, strlen(sp));
		return *a >= 0 && *b >= 0 ? 2 : 0;
	}
	comma = strchr(t, ',');
	if (!comma || (strlen(comma) == 4 && comma - t <= 2)) {
		/* One number alone belongs to the first numeric column. */
		*a = number_at(t, 0, len);
		return len <= 6 && *a >= 0 ? 1 : 0;
	}
	if (itas_first && comma - t <= 2 && strlen(comma) == 7 && !strchr(comma + 1, ',')) {
		*a = number_at(t, 0, (size_t)(comma - t) + 4);
		*b = number_at(comma + 4, 0, 3);
		return 2;
	}
	if (!itas_first && comma - t >= 4 && comma - t <= 5 && strlen(comma) == 4) {
		*a = number_at(t, 0, 3);
		*b = number_at(t, 3, len);
		return 2;
	}
	return 0;
}

/* 1 when a flattened table's rows from paragraph r on write some count
 * with a thousands separator ("1,800400"). */
static int
flat_grouped(const struct strlist *lines, size_t r)
{
	PCRE2_SIZE ov[16];

	for (; r < lines->n; r++) {
		const char *row = lines->v[r];
		size_t k;

		if (!match(P_FLAT_ROW, row, strlen(row), 0, ov))
			break;
		for (k = ov[10]; k + 3 < ov[11]; k++)
			if ((row[k] == ',' || row[k] == '.') && isdigit((unsigned char)row[k + 1]))
				return 1;
	}
	return 0;
}

/* The order of count and cut-off in the header h, if it names both:
 * 1 count first, 0 cut-off first, -1 unknown. */
static int
header_order(const char *h)
{
	const char *ita, *crs;

	if (!h || (!(ita = strcasestr(h, "ITA")) && !(ita = strcasestr(h, "invit"))))
		return -1;
	if (!(crs = strcasestr(h, "CRS")) && !(crs = strcasestr(h, "cut")) &&
	    !(crs = strcasestr(h, "score")))
		return -1;
	return ita < crs;
}

/* Tables that lost their markup, in lines (the page's paragraphs): a
 * header line, then a line a row. */
static void
read_flat_tables(const struct strlist *lines, const struct when *w0, size_t limit,
                 struct draw_list *out, struct strlist *warn)
{
	PCRE2_SIZE ov[16];
	size_t i;

	for (i = 0; i + 1 < lines->n && out->n < limit; i++) {
		const char *h = lines->v[i];
		struct when w = *w0;
		int itas_first, grouped;
		size_t r, from = out->n;

		if (!match(P_FLAT_HEADER, h, strlen(h), 0, ov))
			continue;
		grouped = flat_grouped(lines, i + 1);
		itas_first = header_order(h) == 1;
		/* "Summary of Express Entry draw results in 2024" */
		if (i > 0)
			w.year = table_year(lines->v[i - 1], &w);
		for (r = i + 1; r < lines->n && out->n < limit; r++) {
			const char *row = lines->v[r];
			char *nums, *type;
			long a = -1, b = -1, itas = -1, score = -1;
			int m, d, n;
			char date[11];
			struct draw *dr;

			if (!match(P_FLAT_ROW, row, strlen(row), 0, ov))
				break;
			m = month_number(row + ov[2]);
			d = atoi(row + ov[4]);
			if (ov[6] != PCRE2_UNSET) {
				int yy = (int)number_at(row, ov[6], ov[7]);	/* "20194493900" */

				if (!round_day(&w, yy, m, d))
					continue;
				snprintf(date, sizeof(date), "%04d-%02d-%02d", yy, m, d);
			} else if (resolve_md(&w, m, d, date) != 0) {
				continue;
			}
			nums = xstrndup(row + ov[10], ov[11] - ov[10]);
			n = flat_numbers(nums, itas_first, grouped, &a, &b);
			free(nums);
			if (n == 0)
				continue;
			if (n == 1)
				(itas_first ? &itas : &score)[0] = a;
			else
				itas = itas_first ? a : b, score = itas_first ? b : a;
			if (itas > 30000 || itas == 0)
				itas = -1;
			if (score < 67 || score > 1200)
				score = -1;
			if (itas < 0 && score < 0)
				continue;
			type = xstrndup(row + ov[8], ov[9] - ov[8]);
			dr = draw_list_add(out);
			memcpy(dr->date, date, sizeof(date));
			dr->invitations = itas;
			dr->crs_cutoff = score;
			dr->category = *type ? sentence_category(type) : NULL;
			dr->name = *type ? type : (free(type), NULL);
			dr->evidence = xstrdup(row);
		}
		drop_future(out, from, &w, warn);
		i = r - 1;
	}
}

/* 1 when line p can be a cell of a stacked table's header: short, a
 * header word, no digit but "#", no sentence's end ("The rounds as the
 * table showed them:" is none). */
static int
stacked_header(const char *p)
{
	size_t len = strlen(p);

	return len > 0 && len <= 48 && !strchr(":.?!", p[len - 1]) &&
	       strpbrk(p, "0123456789") == NULL && column_of(p) != COL_NONE;
}

/* At paras[i], a round's fields as pairs of lines, a name then its value
 * ("Date", "June 27, 2023", "Invitations", "4,300", ...): three pairs or
 * more, with a date that holds a digit and a count or score, into t as
 * a table of two columns; returns how many lines, or 0. */
static size_t
stacked_pairs(const struct strlist *paras, size_t i, struct article_table *t)
{
	size_t j, len;
	int date = 0, value = 0;

	for (j = i; j + 1 < paras->n && stacked_header(paras->v[j]); j += 2) {
		enum column c = column_of(paras->v[j]);

		len = strlen(paras->v[j + 1]);
		if (!len || len > 60 || paras->v[j + 1][len - 1] == ':')
			break;
		if (c == COL_DATE)
			date |= strpbrk(paras->v[j + 1], "0123456789") != NULL;
		value |= c == COL_ITAS || c == COL_CRS;
	}
	if (j - i < 6 || !date || !value)
		return 0;
	memset(t, 0, sizeof(*t));
	t->context = i > 0 ? xstrdup(paras->v[i - 1]) : NULL;
	t->rows = xcalloc((j - i) / 2, sizeof(*t->rows));
	for (; t->nrows < (j - i) / 2; t->nrows++) {
		strlist_add(&t->rows[t->nrows], paras->v[i + 2 * t->nrows]);
		strlist_add(&t->rows[t->nrows], paras->v[i + 2 * t->nrows + 1]);
	}
	return j - i;
}

/* A row of a table read by read_row_lines(): its day, and its two
 * numbers as written. */
struct row_line {
	char date[11];
	long a, b;
	PCRE2_SIZE ov[16];
};

/* The order the numbers of rows tell: 1 count first, 0 cut-off first,
 * -1 when no row tells or rows disagree.  A row tells when only one order
 * fits a count (1 to 30,000) and a cut-off (67 to 1,200). */
static int
values_order(const struct row_line *rows, size_t n)
{
	int first = 0, second = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		int ab = rows[i].b >= 67 && rows[i].b <= 1200 && rows[i].a >= 1 && rows[i].a <= 30000;
		int ba = rows[i].a >= 67 && rows[i].a <= 1200 && rows[i].b >= 1 && rows[i].b <= 30000;

		first += ab && !ba;
		second += ba && !ab;
	}
	if (first && !second)
		return 1;
	if (second && !first)
		return 0;
	return -1;
}

/* The row of line s, dated by w; 0 when s is none. */
static int
row_line(const char *s, const struct when *w, struct row_line *r)
{
	char *day;
	int ok;

	if (!match(P_ROW_LINE, s, strlen(s), 0, r->ov) || provincial(s, strlen(s)))
		return 0;
	r->a = number_at(s, r->ov[12], r->ov[13]);
	r->b = number_at(s, r->ov[14], r->ov[15]);
	day = xstrndup(s + r->ov[4], r->ov[5] - r->ov[4]);
	ok = find_date(day, strlen(day), 0, w, r->date);
	free(day);
	return ok && r->a >= 0 && r->b >= 0;
}

/* Adds the rows rows[0..n) of lines from, in the order itas_first. */
static void
row_lines_add(const struct strlist *lines, size_t from, const struct row_line *rows, size_t n,
              int itas_first, struct draw_list *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *s = lines->v[from + i];
		const PCRE2_SIZE *ov = rows[i].ov;
		long itas = itas_first ? rows[i].a : rows[i].b;
		long crs = itas_first ? rows[i].b : rows[i].a;
		struct draw *d;
		char *type;

		if (itas < 1 || itas > 30000 || crs < 67 || crs > 1200 ||
		    already(out, rows[i].date, itas, crs))
			continue;
		type = xstrndup(s + ov[10], ov[11] - ov[10]);
		d = draw_list_add(out);
		memcpy(d->date, rows[i].date, sizeof(d->date));
		d->invitations = itas;
		d->crs_cutoff = crs;
		d->category = *type ? sentence_category(type) : NULL;
		d->name = *type ? type : (free(type), NULL);
		if (ov[2] != PCRE2_UNSET)
			d->number = xstrndup(s + ov[2], ov[3] - ov[2]);
		d->evidence = xstrdup(s);
	}
}

/* Tables whose markup was lost a row a line ("July 22 – Healthcare –
 * 4,000 – 475"): a run of two lines or more, each a day, maybe a type,
 * and two numbers.  Which number is the count the header line just
 * before the run says, else the numbers themselves (3,600 can only be a
 * count); when neither tells, the run is not read.  A year-less day takes
 * the year of the line before the run ("2025 Express Entry draws"); a
 * run under a heading that names a province is the province's. */
static void
read_row_lines(const struct strlist *lines, const struct when *w0, size_t limit,
               struct draw_list *out)
{
	struct row_line *rows = xcalloc(lines->n ? lines->n : 1, sizeof(*rows));
	size_t i = 0, n;

	while (i < lines->n && out->n < limit) {
		const char *head = i > 0 ? lines->v[i - 1] : NULL;
		struct when w = *w0;
		int order, year;

		if (head && (year = table_year(head, &w)))
			w.year = year;
		for (n = 0; i + n < lines->n && row_line(lines->v[i + n], &w, &rows[n]); n++)
			;
		if (n >= 2 && (order = header_order(head)) < 0)
			order = values_order(rows, n);
		if (n >= 2 && order >= 0 && !(head && province_heading(head)))
			row_lines_add(lines, i, rows, n, order, out);
		i += n ? n : 1;
	}
	free(rows);
}

/* A table that names no columns whose rows are rounds a row ("October
 * 26, 2023 | Healthcare | 3,600 | 431"): read as read_row_lines() reads
 * lines, under the words before the table.  Returns how many it read. */
static size_t
rows_as_lines(const struct article_table *t, const struct when *w, size_t limit,
              struct draw_list *out)
{
	struct strlist lines = {0};
	size_t r, from = out->n;

	strlist_add(&lines, t->context ? t->context : "");
	for (r = 0; r < t->nrows; r++) {
		char *line = row_text(&t->rows[r], " | ");

		strlist_add(&lines, line);
		free(line);
	}
	read_row_lines(&lines, w, limit, out);
	strlist_release(&lines);
	return out->n - from;
}

/* Tables whose markup was lost one cell a line, as read_table() reads
 * tables: three or more header lines that name a date column and a count
 * or a score ("Date", "Program", "ITAs", "CRS"), then as many lines a
 * row while the row's date cell holds a digit; or a round's fields as
 * pairs of lines (stacked_pairs()).  Into t, at most max. */
static size_t
stacked_tables(const struct strlist *paras, struct article_table *t, size_t max)
{
	size_t i = 0, k, j, c, nt = 0;

	while (i < paras->n && nt < max) {
		enum column cols[8];
		int date = -1, value = 0;

		if ((k = stacked_pairs(paras, i, &t[nt])) > 0) {
			i += k;
			nt++;
			continue;
		}

		for (k = 0; k < 8 && i + k < paras->n && stacked_header(paras->v[i + k]); k++) {
			cols[k] = column_of(paras->v[i + k]);
			if (cols[k] == COL_DATE && date < 0)
				date = (int)k;
			value |= cols[k] == COL_ITAS || cols[k] == COL_CRS;
		}
		if (date < 0 && value && k >= 3 && i + 2 * k <= paras->n)
			date = full_date_cell(paras->v + i + k, cols, k);
		if (k < 3 || date < 0 || !value || i + 2 * k > paras->n) {
			i++;
			continue;
		}
		memset(&t[nt], 0, sizeof(t[nt]));
		t[nt].context = i > 0 ? xstrdup(paras->v[i - 1]) : NULL;
		for (j = i; j + k <= paras->n; j += k) {
			struct strlist row = {0};

			if (j > i && !strpbrk(paras->v[j + (size_t)date], "0123456789"))
				break;
			for (c = 0; c < k; c++)
				strlist_add(&row, paras->v[j + c]);
			t[nt].rows = xrealloc(t[nt].rows, (t[nt].nrows + 1) * sizeof(*t[nt].rows));
			t[nt].rows[t[nt].nrows++] = row;
		}
		i = j;
		nt++;
	}
	return nt;
}

/* Tables flattened into one line of a paragraph, as lines for
 * read_flat_tables(): the words since the sentence before (a caption,
 * for its year), the header, then a line a row. */
static void
inline_tables(const struct strlist *paras, struct strlist *lines)
{
	PCRE2_SIZE ov[16], rv[16];
	size_t i;

	for (i = 0; i < paras->n; i++) {
		const char *p = paras->v[i];
		size_t len = strlen(p), cap, row;

		if (match(P_INLINE_HEADER, p, len, 0, ov)) {
			for (cap = ov[0]; cap > 0 && !(p[cap - 1] == ' ' && cap > 1 &&
			                                strchr(".!?:", p[cap - 2])); cap--)
				;
			if (cap < ov[0])
				strlist_addf(lines, "%.*s", (int)(ov[0] - cap), p + cap);
			strlist_addf(lines, "%.*s", (int)(ov[1] - ov[0]), p + ov[0]);
			for (row = ov[1]; row < len; row = rv[1]) {
				while (p[row] == ' ')
					row++;
				if (!match(P_INLINE_ROW, p, len, row, rv)) {
					strlist_add(lines, p + row);
					rv[1] = len;
				} else {
					strlist_addf(lines, "%.*s", (int)(rv[0] - row), p + row);
				}
			}
		}
	}
}

/* Rows run together on one line ("16 Mar PNP 362/742 - 17 Mar CEC
 * 4,000/507 - ..."), as lines for read_row_lines(): each paragraph that
 * parts three or more at a dash or semicolon before a day, a line a
 * row, then an empty line, which no row run crosses. */
static void
run_rows(const struct strlist *paras, struct strlist *lines)
{
	PCRE2_SIZE ov[16];
	size_t i;

	for (i = 0; i < paras->n; i++) {
		const char *p = paras->v[i];
		size_t len = strlen(p), at = 0, n = 0;

		while (match(P_RUN_SPLIT, p, len, at, ov)) {
			at = ov[1];
			n++;
		}
		if (n < 2)
			continue;
		for (at = 0; match(P_RUN_SPLIT, p, len, at, ov); at = ov[1])
			strlist_addf(lines, "%.*s", (int)(ov[0] - at), p + at);
		strlist_add(lines, p + at);
		strlist_add(lines, "");
	}
}

/* The date of a "Published: July 4, 2023" line (id P_PUBLISHED) or a
 * "Last updated: ..." one (P_UPDATED) among the page's first lines, into
 * out when it is still empty. */
static void
text_date(const struct article_doc *doc, int id, int day_first, char out[11])
{
	PCRE2_SIZE ov[16];
	size_t i;

	for (i = 0; i < doc->paras.n && i < 12 && !out[0]; i++) {
		const char *p = doc->paras.v[i];

		if (match(id, p, strlen(p), 0, ov) && !group_date(p, ov, day_first, out))
			out[0] = '\0';
	}
}

/* 1 when the page is a province's: its headline names a province's
 * program ("BC PNP tech draw: 98 invitations") and nothing on it names
 * Express Entry, IRCC or a federal round, so its tables and lines of
 * rows are the province's draws, not rounds of Express Entry. */
static int
provincial_page(const struct article_doc *doc)
{
	PCRE2_SIZE ov[16];
	size_t i;

	if (!doc->paras.n || !provincial(doc->paras.v[0], strlen(doc->paras.v[0])))
		return 0;
	for (i = 0; i < doc->paras.n; i++)
		if (match(P_FEDERAL, doc->paras.v[i], strlen(doc->paras.v[i]), 0, ov))
			return 0;
	for (i = 0; i < doc->ntables; i++) {
		size_t r, c;

		for (r = 0; r < doc->tables[i].nrows; r++)
			for (c = 0; c < doc->tables[i].rows[r].n; c++)
				if (match(P_FEDERAL, doc->tables[i].rows[r].v[c],
				          strlen(doc->tables[i].rows[r].v[c]), 0, ov))
					return 0;
	}
	return 1;
}

/* 1 when the character of n bytes at s is a letter of a script other
 * than Latin: Greek to Ethiopic, CJK, Hangul, fullwidth forms.  Dashes,
 * quotes, bullets, arrows and emoji are letters of none: a table of
 * "June 26 – CEC – 3,000 – 521" is as English as its words. */
static int
other_script(const unsigned char *s, size_t n)
{
	unsigned long c;
	size_t i;

	if (n < 2)
		return 0;
	c = s[0] & (n == 2 ? 0x1f : n == 3 ? 0x0f : 0x07);
	for (i = 1; i < n; i++)
		c = c << 6 | (s[i] & 0x3f);
	return (c >= 0x370 && c < 0x2000 && !(c >= 0x1e00 && c < 0x1f00)) ||
	       (c >= 0x2e80 && c < 0xd800) || (c >= 0xf900 && c < 0xfb00) ||
	       (c >= 0xff00 && c < 0xfff0) || c >= 0x20000;
}

/* Pages eedraws cannot read: mostly CJK text, say. */
static int
foreign(const struct article_doc *doc)
{
	size_t i, n, ascii = 0, other = 0;
	const unsigned char *s;

	for (i = 0; i < doc->paras.n; i++)
		for (s = (const unsigned char *)doc->paras.v[i]; *s; s += n ? n : 1) {
			n = utf8_seq_len(s);
			if (*s >= 'A' && *s <= 'z')
				ascii++;
			else if (other_script(s, n))
				other++;
		}
	return other * 2 > ascii / 3;
}

int
parse_article(const struct body *b, const struct parse_opts *opts,
              struct draw_list *out, struct strlist *warn, struct err *e)
{
	struct article_doc doc;
	int rc;

	if (article_is_html(b->data, b->len))
		article_doc_html(&doc, b->data, b->len, b->url);
	else
		article_doc_text(&doc, b->data, b->len);
	rc = article_draws(&doc, b, opts, out, warn, e);
	article_doc_release(&doc);
	return rc;
}

/* 1 when a states less than b of the same draw: every value a states, b
 * states alike (category and number too), b states more, and they are
 * dated the same day or a day apart (a headline's day, a time zone). */
static int
stated_within(const struct draw *a, const struct draw *b)
{
	long gap = day_number(a->date) - day_number(b->date);

	if (strcmp(a->date, b->date) != 0 && (day_number(a->date) < 0 || day_number(b->date) < 0))
		return 0;	/* "0000-12-08": a day without a year */
	int na = (a->invitations >= 0) + (a->crs_cutoff >= 0) + !!a->category + !!a->number;
	int nb = (b->invitations >= 0) + (b->crs_cutoff >= 0) + !!b->category + !!b->number;

	if (gap < -1 || gap > 1 || na >= nb)
		return 0;
	if (a->invitations >= 0 && a->invitations != b->invitations)
		return 0;
	if (a->crs_cutoff >= 0 && a->crs_cutoff != b->crs_cutoff)
		return 0;
	if (a->category && (!b->category || strcmp(a->category, b->category) != 0))
		return 0;
	return !a->number || (b->number && !strcmp(a->number, b->number));
}

/* One draw stated twice in a page, once in part ("IRCC invites 3,000 on
 * June 4" over the full account below it), is one record: the fuller.
 * Records from first on are the page's. */
static void
drop_partial(struct draw_list *out, size_t first)
{
	size_t i, j;

	i = first;
	while (i < out->n) {
		for (j = first; j < out->n; j++)
			if (j != i && stated_within(&out->v[i], &out->v[j]))
				break;
		if (j == out->n) {
			i++;
			continue;
		}
		draw_release(&out->v[i]);
		memmove(&out->v[i], &out->v[i + 1], (out->n - i - 1) * sizeof(out->v[0]));
		out->n--;
	}
}

/* The same draw stated twice in a page (a table repeated, a row and a
 * sentence) is one record: the first. */
static void
drop_repeats(struct draw_list *out, size_t first)
{
	size_t i = first + 1, j;

	while (i < out->n) {
		const struct draw *d = &out->v[i];

		for (j = first; j < i; j++)
			if (same_record(&out->v[j], d->date, d->invitations, d->crs_cutoff))
				break;
		if (j == i) {
			i++;
			continue;
		}
		draw_release(&out->v[i]);
		memmove(&out->v[i], &out->v[i + 1], (out->n - i - 1) * sizeof(out->v[0]));
		out->n--;
	}
}

/* 1 when IRCC's round r is the one d states: its values, and its day
 * (d "0000-MM-DD") or its number (d "0000-00-00", numbered). */
static int
is_round(const struct draw *d, const struct draw *r)
{
	if (r->invitations != d->invitations || r->crs_cutoff != d->crs_cutoff)
		return 0;
	if (strcmp(d->date, "0000-00-00") != 0)
		return !strcmp(r->date + 4, d->date + 4);
	if (!d->number)
		return 1;	/* its values alone */
	return r->number && !strcmp(d->number, r->number);
}

/* A draw the page cannot date by itself is IRCC's round when exactly one
 * round has its values, both count and cut-off, and its day without a
 * year ("0000-MM-DD": a page without a date) or its number ("0000-00-00":
 * "Draw #254 invited 500 ..." and no day), or, with neither, when its
 * values alone are one round's ("This week's draw invited 1,750 ...
 * 542" and no day it can place): it takes that round's date, unless
 * that is after the page's last day.  Else it is dropped, and a warning
 * counts those that stated a day or a number. */
static void
placed_by_ircc(struct draw_list *out, size_t first, const struct when *w,
               struct strlist *warn)
{
	const struct draw_list *known = w->known;
	size_t i = first, k, lost = 0;

	while (i < out->n) {
		struct draw *d = &out->v[i];
		const struct draw *match = NULL;
		/* no date at all, nor a number: its values alone name it */
		int bare = !strcmp(d->date, "0000-00-00") && !d->number;
		int n = 0;

		if (strncmp(d->date, "0000-", 5) != 0) {
			i++;
			continue;
		}
		for (k = 0; known && d->invitations >= 0 && d->crs_cutoff >= 0 && k < known->n; k++)
			if (is_round(d, &known->v[k]))
				match = &known->v[k], n++;
		if (n == 1 && (!w->last[0] || day_number(match->date) <= day_number(w->last) + 1)) {
			memcpy(d->date, match->date, sizeof(d->date));
			i++;
			continue;
		}
		lost += !bare;
		draw_release(d);
		memmove(d, d + 1, (out->n - i - 1) * sizeof(*d));
		out->n--;
	}
	if (lost)
		strlist_addf(warn, "%zu draws dated without a year or by their number alone "
		             "match no single round of IRCC's with their values; not taken",
		             lost);
}

/* The date a page's address states (P_URL_*): its day, or the last day
 * of the month it names alone; 1 and out set, or 0. */
static int
url_date(const char *url, char out[11])
{
	static const int ids[] = { P_URL_PATH, P_URL_ISO, P_URL_MDY, P_URL_DMY, P_URL_MY };
	PCRE2_SIZE ov[16];
	size_t i, len = url ? strlen(url) : 0;
	int y = 0, m = 0, d = 0;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		if (!len || !match(ids[i], url, len, 0, ov))
			continue;
		switch (ids[i]) {
		case P_URL_PATH:
		case P_URL_ISO:
			y = atoi(url + ov[2]), m = atoi(url + ov[4]);
			d = ov[6] != PCRE2_UNSET ? atoi(url + ov[6]) : 0;
			break;
		case P_URL_MDY:
			m = month_number(url + ov[2]), d = atoi(url + ov[4]), y = atoi(url + ov[6]);
			break;
		case P_URL_DMY:
			d = atoi(url + ov[2]), m = month_number(url + ov[4]), y = atoi(url + ov[6]);
			break;
		default:
			m = month_number(url + ov[2]), y = atoi(url + ov[4]);
			break;
		}
		if (!d)		/* a month alone: its last day */
			for (d = 31; d > 28 && !date_valid(y, m, d); d--)
				;
		if (!date_valid(y, m, d))
			continue;
		snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
		return 1;
	}
	return 0;
}

int
article_draws(struct article_doc *doc, const struct body *b, const struct parse_opts *opts,
              struct draw_list *out, struct strlist *warn, struct err *e)
{
	struct when w = { "", "", 0, "", -1, NULL, 0, "" };
	size_t i, first, max, limit;
	int rc;

	if ((rc = compile(e)))
		return rc;
	w.day_first = numeric_order(doc);
	text_date(doc, P_PUBLISHED, w.day_first, doc->published);
	text_date(doc, P_BYLINE, w.day_first, doc->published);
	(void)dateline(doc, w.day_first, doc->published);
	text_date(doc, P_CITY_DATELINE, w.day_first, doc->published);
	text_date(doc, P_UPDATED, w.day_first, doc->modified);
	if (doc->published[0])
		memcpy(w.pub, doc->published, sizeof(w.pub));
	else if (opts && opts->date)
		snprintf(w.pub, sizeof(w.pub), "%s", opts->date);
	memcpy(w.last, w.pub, sizeof(w.last));
	latest_post(doc, &w);
	if (b->fetched_at > 0)
		w.fetched = (long)(b->fetched_at / 86400);
	w.known = opts ? opts->known : NULL;
	if (strcmp(doc->modified, w.last) > 0)
		memcpy(w.last, doc->modified, sizeof(w.last));
	if (foreign(doc)) {
		strlist_addf(warn, "%s: not in a language eedraws reads; no draws taken", b->url);
		return 0;
	}
	if (provincial_page(doc)) {
		strlist_addf(warn, "%s: a province's draws, not Express Entry's; no draws taken",
		             b->url);
		return 0;
	}
	if (!w.pub[0] && url_date(b->url, w.url))
		strlist_addf(warn, "the page gives no publication date: dates without a year are "
		             "read by the date in its address, %s, and relative ones "
		             "(\"today\", \"Wednesday\") state nothing; pass --date YYYY-MM-DD",
		             w.url);
	else if (!w.pub[0] && doc->modified[0]) {
		memcpy(w.url, doc->modified, sizeof(w.url));
		strlist_addf(warn, "the page gives no publication date: dates without a year are "
		             "read by the day it says it was updated, %s, and relative ones "
		             "(\"today\", \"Wednesday\") state nothing; pass --date YYYY-MM-DD",
		             w.url);
	}
	else if (!w.pub[0] && w.known)
		strlist_add(warn, "the page gives no publication date, so a draw it dates "
		            "without a year, or not at all, is taken only where exactly one "
		            "round of IRCC's has its values (and that day), and relative "
		            "dates (\"today\", \"Wednesday\") state nothing; pass --date "
		            "YYYY-MM-DD");
	else if (!w.pub[0])
		strlist_add(warn, "the page gives no publication date, so dates without a "
		            "year and relative ones (\"today\", \"Wednesday\") state "
		            "nothing; pass --date YYYY-MM-DD");
	first = out->n;
	max = opts && opts->max_draws ? opts->max_draws : PARSE_MAX_DRAWS;
	/* Reading stops past twice the most a page may state, so that a
	 * flood costs time in proportion to the page, not its square. */
	limit = first + 2 * max + 1;
	read_prose(doc, &w, limit, out);
	drop_future(out, first, &w, warn);
	read_flat_tables(&doc->paras, &w, limit, out, warn);
	read_row_lines(&doc->paras, &w, limit, out);
	{
		struct strlist inl = {0};

		inline_tables(&doc->paras, &inl);
		read_flat_tables(&inl, &w, limit, out, warn);
		strlist_release(&inl);
		run_rows(&doc->paras, &inl);
		read_row_lines(&inl, &w, limit, out);
		strlist_release(&inl);
	}
	for (i = 0; i < doc->ntables && out->n < limit; i++)
		read_table(&doc->tables[i], &w, limit, out, warn);
	{
		struct article_table st[4];
		size_t n = stacked_tables(&doc->paras, st, 4);

		for (i = 0; i < n; i++) {
			if (out->n < limit)
				read_table(&st[i], &w, limit, out, warn);
			article_table_release(&st[i]);
		}
	}
	drop_partial(out, first);
	placed_by_ircc(out, first, &w, warn);
	drop_repeats(out, first);
	if (out->n - first > max) {
		strlist_addf(warn, "the page states more than %zu draws: a table of history "
		             "or a flood, not news; no draws taken (max_draws raises the limit)",
		             max);
		while (out->n > first)
			draw_release(&out->v[--out->n]);
	}
	return 0;
}
