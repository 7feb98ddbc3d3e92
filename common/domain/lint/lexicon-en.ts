import type { LexiconCategory, LexiconEntry } from './types';

const e = (id: string, category: LexiconCategory, source: string): LexiconEntry => ({
  id,
  category,
  lang: 'en',
  re: new RegExp(source, 'giu'),
});

/** English lexicon. Phrases, not single ambiguous words, so approved wording never trips it. */
export const LEXICON_EN: readonly LexiconEntry[] = [
  e('en.arrest', 'threat_arrest', String.raw`\b(?:arrest(?:ed)?|jail(?:ed)?|prison|imprison(?:ed|ment)?|lock(?:ed)? (?:you )?up|behind bars|warrant (?:out )?for your arrest)\b`),
  e('en.criminal', 'threat_arrest', String.raw`\b(?:criminal (?:charges?|prosecution|case|record|complaint)|prosecut(?:e|ed|ion))\b`),
  e('en.violence', 'threat_violence', String.raw`\b(?:(?:kill|hurt|beat|smash|break|harm) (?:you|your)|beat you up|we know where you live|watch your back|you(?:'ll| will) regret|something (?:bad|terrible) (?:will|could|might) happen|(?:burn|destroy) (?:down )?your)\b`),
  e('en.exposure.people', 'exposure', String.raw`\b(?:tell|inform|notify|call|contact|text|e-?mail|visit|let) (?:all )?(?:of )?(?:your |the )?(?:family|relatives|wife|husband|partner|spouse|parents|mother|father|children|kids|employer|boss|manager|colleagues|co-?workers|neighbou?rs|friends|contacts|church|landlord)\b`),
  e('en.exposure.book', 'exposure', String.raw`\b(?:address book|contact list|phone contacts|public notice|list of debtors|debtors'? list|name and shame)\b`),
  e('en.exposure.shame', 'exposure', String.raw`\b(?:shame|expose|humiliate) you\b`),
  e('en.exposure.post', 'exposure', String.raw`\b(?:post|publish|share)\b[^.\n]{0,40}?\b(?:online|social media|facebook|twitter|instagram|newspaper|internet)\b`),
  e('en.impersonation.self', 'impersonation', String.raw`\b(?:this is|i am|i'm|we are|we're|calling from|on behalf of|officers? from)(?: with| from)? (?:the |a )?(?:police|sheriff(?:'s office)?|fbi|irs|hmrc|courts?|district attorney|government|federal agents?|law enforcement|bailiffs?|magistrates?|county court|high court|attorney general|department of justice)\b`),
  e('en.impersonation.docs', 'impersonation', String.raw`\b(?:court officer|officer of the court|federal agent|police officer|court (?:summons|order|warrant)|official (?:court )?notice|summons to appear|bailiffs? (?:are|will be) (?:coming|on (?:their|the) way|sent))\b`),
  e('en.false.garnish', 'false_legal', String.raw`\bgarnish(?:ing|ed|ment)?\b[^.\n]{0,30}?\b(?:wages?|salary|pay|pension|benefits)\b`),
  e('en.false.seize', 'false_legal', String.raw`\b(?:seiz(?:e|ure|ing)|repossess)\b[^.\n]{0,30}?\b(?:home|house|car|property|assets|belongings)\b`),
  e('en.false.take', 'false_legal', String.raw`\b(?:take (?:away )?your (?:home|house|car|children|kids|property)|freeze your (?:bank )?accounts?|deport(?:ed|ation)?|lose your (?:job|licen[cs]e|visa|benefits)|blacklist(?:ed)?|criminal offen[cs]e)\b`),
  e('en.false.crime', 'false_legal', String.raw`\b(?:a crime|illegal) (?:not to pay|to not pay)\b`),
  e('en.false.suenow', 'false_legal', String.raw`\b(?:we will|we'll|going to) sue you (?:today|tomorrow|immediately|right away)\b|\b(?:legal action|lawsuit) (?:today|immediately|within (?:24|48) hours)\b`),
  e('en.insult', 'insult', String.raw`\b(?:idiot|stupid|moron|deadbeat|loser|scum(?:bag)?|liar|thie(?:f|ves)|lowlife|worthless|pathetic|bitch|bastard|asshole|dumbass|dumb|crook|parasite|damn(?:ed)? you)\b`),
  e('en.obscene', 'insult', String.raw`\b(?:f+u+c+k\w*|s+h+i+t+(?:ty|head)?|piss off)\b`),
  e('en.fee', 'collection_fee', String.raw`\b(?:collection|collector'?s?|processing|handling|recovery|visit|doorstep|agency|administration|admin|convenience|tracing) (?:fee|fees|charge|charges|surcharge)\b|\bfee for (?:collecting|collection|this (?:call|letter|visit))\b`),
  e('en.payee.personal', 'payee', String.raw`\b(?:personal|private) (?:bank )?(?:account|card|wallet)\b`),
  e('en.payee.me', 'payee', String.raw`\b(?:pay|send|transfer|wire|deposit|remit) (?:the money |it |payment |the payment )?(?:directly )?to me\b|\bgift ?cards?\b|\b(?:bitcoin|crypto(?:currency)?|western union|moneygram)\b`),
  e('en.borrow.loan', 'new_borrowing', String.raw`\b(?:borrow|take out|get|apply for)\b[^.\n]{0,20}?\b(?:loan|money|credit card|cash advance)\b[^.\n]{0,20}?\b(?:to pay|to repay|to clear|and pay)\b`),
  e('en.borrow.words', 'new_borrowing', String.raw`\b(?:payday loans?|cash advance|loan shark|(?:borrow|ask for money) from (?:your )?(?:friends|family|relatives|parents)|(?:use|put it on) (?:a|another|your) credit card to pay)\b`),
  e('en.pressure.sell', 'pressure', String.raw`\b(?:sell (?:your )?(?:house|home|car|property|belongings|possessions|jewel(?:le)?ry)|remortgage)\b`),
  e('en.pressure.full', 'pressure', String.raw`\b(?:pay|clear|settle)\b[^.\n]{0,30}?\bin full\b[^.\n]{0,20}?\b(?:today|now|immediately|within 24 hours|by tomorrow)\b|\b(?:last|final) (?:chance|warning)\b|\bact now\b`),
  e('en.legal', 'legal_action', String.raw`\b(?:sue|sued|suing|lawsuit|legal action|legal proceedings|court action|take you to court|judge?ment|litigation)\b`),
  e('en.debt', 'debt_mention', String.raw`\b(?:debts?|owe[sd]?|owing|overdue|past due|arrears|balance|collect(?:ion|ing|or)?s?|loans?|repay(?:ment)?|outstanding amount|default(?:ed)?)\b`),
];
