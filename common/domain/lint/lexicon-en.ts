import type { LexiconCategory, LexiconEntry } from './types';

/**
 * English lexicon: entity × claim patterns over normalised text (see normalize.ts), claim verbs in any
 * tense. W(n) is up to n words within the same clause, so a claim never spans two sentences.
 */
const e = (id: string, category: LexiconCategory, source: string, negatable = true): LexiconEntry => ({
  id,
  category,
  lang: 'en',
  re: new RegExp(source, 'giu'),
  ...(negatable ? {} : { negatable: false }),
});

const alt = (...xs: string[]): string => `(?:${xs.join('|')})`;
const W = (n: number): string => String.raw`(?:[^\s.;:!?,]+\s+){0,${n}}?`;
const b = (s: string): string => String.raw`\b${s}\b`;

/** Courts, police, enforcement and law: the people a collector must not claim to be or to send. */
const AUTHORITY = alt(
  'police(?: department| officers?| station)?', 'officers?', "sheriff(?:'s)?(?: office| department| deputies)?", 'deput(?:y|ies)', 'bailiffs?',
  'enforcement (?:agents?|officers?|division)', 'process server', 'marshals?', 'constables?', 'detectives?',
  "(?:county|district|high|federal|magistrates'?|small claims|crown|supreme) court", 'courts?(?: officers?| enforcement(?: division)?)?',
  'attorneys?', 'lawyers?', 'solicitors?', 'law firm', 'legal team', 'district attorney', 'irs', 'hmrc', 'fbi', 'government(?: agency)?',
  'financial crimes unit', 'fraud (?:squad|unit)', 'judge',
);
/** Up to n words, none of them a negation ("we are not lawyers"). */
const WN = (n: number): string => String.raw`(?:(?!not\b|never\b|no\b)[^\s.;:!?,]+\s+){0,${n}}?`;

export const LEXICON_EN: readonly LexiconEntry[] = [
  // Impersonation: the sender says it is, speaks for, or sends an authority; or the authority is said to be acting.
  e('en.impersonation.self', 'impersonation', b(`${alt('this is', "i am", "i'm", 'we are', "we're", 'calling from', 'on behalf of', 'acting for', '(?:message|notice|letter) (?:is )?(?:issued )?(?:from|by)', 'with the', 'from the', 'our(?: in-house)?', 'officer', 'as an officer of')} ${WN(3)}${AUTHORITY}`)),
  e('en.impersonation.acting', 'impersonation', b(`${AUTHORITY} ${W(2)}${alt('will', 'shall', 'are going to', 'is going to', 'have been', 'has been', 'are', 'is', 'were', 'was', 'has', 'have')} ${W(2)}${alt('attend', 'visit', 'come', 'coming', 'call at', 'serve', 'arrest', 'seize', 'take', 'instructed', 'sent', 'assigned', 'asked', 'on (?:the|their|its) way', 'be at', 'preparing', 'reviewed', 'act')}`)),

  // Arrest, jail and criminal charges.
  e('en.arrest', 'threat_arrest', b(alt(
    'arrest(?:ed|ing)?', 'jail(?:ed)?', 'prison', 'imprison(?:ed|ment)?', 'locked up', 'lock (?:you )?up', 'behind bars', 'in (?:a )?cell', 'custody',
    'detain(?:ed)?', 'handcuffs?', 'criminal charges?', 'prosecut(?:e|ed|ion)', 'pick you up', 'thrown in jail',
  ))),

  // Violence and intimidation, including menace towards family.
  e('en.violence', 'threat_violence', b(alt(
    `(?:kill|hurt|beat|smash|break|harm|sort) ${W(2)}(?:you|your)`, 'beat (?:you|the money)', 'get hurt', 'gets? hurt', 'we know (?:where|which)',
    'watch your back', "you(?:'ll| will) regret", "(?:something|what) (?:bad )?(?:could|will|might|would)? ?happens?(?: to)?", 'caught fire', 'burn (?:down )?your',
    'make your life hell', "won't be safe", 'safety depends', "what's coming to you", 'drag you', 'waiting outside', "won't end well", 'come round', 'come to your door',
  )), false),

  // False legal claims: suit filed, judgment, warrant, seizure, garnishment, criminal offence.
  e('en.false.filed', 'false_legal', b(`${alt('lawsuit', 'suit', 'claim', 'judge?ment', 'warrant', 'legal proceedings', 'proceedings', 'court order', 'charging order', 'summons')} ${W(3)}${alt('(?:has|have) been (?:filed|issued|entered|started|obtained)', 'was (?:filed|issued|entered)', 'is (?:filed|issued)', 'will be (?:issued|placed|filed)', 'already started', 'against you')}`)),
  e('en.false.we', 'false_legal', b(`(?:we|i) ${W(2)}${alt('filed suit', 'have filed', 'obtained a (?:court order|judge?ment)', 'sued you')}`)),
  e('en.false.seize', 'false_legal', b(`${alt('garnish(?:ed|ing|ment)?', 'seiz(?:e|ed|ure|ing)', 'repossess(?:ed|ion)?', 'attached', 'frozen', 'freeze', 'auction', 'taken from', 'take')} ${W(2)}your ${W(1)}${alt('wages?', 'salary', 'pay', 'pension', 'benefits', 'home', 'house', 'car', 'property', 'assets', 'goods', 'belongings', 'accounts?', 'debt', 'order')}`)),
  e('en.false.loss', 'false_legal', b(alt(
    `${alt('wages?', 'salary', 'goods', 'accounts?', 'benefits', 'home')} ${W(3)}(?:will be|are being|is being) ${alt('garnished', 'seized', 'frozen', 'sold', 'stopped', 'attached', 'taken')}`,
    'criminal (?:offen[cs]e|matter)', 'committed fraud', 'a crime', 'lose your (?:job|driving licen[cs]e|licen[cs]e|visa|benefits|home)', 'immigration status',
    'deport(?:ed|ation)?', 'summoned to (?:appear|court)', 'appear in court',
  ))),

  // Exposure to family, employer, neighbours or the public.
  e('en.exposure.tell', 'exposure', b(`${alt('tell', 'inform', 'notify', 'call', 'contact', 'text', 'e-?mail', 'visit', 'let', 'reach out to', 'write to', 'sending a letter to', 'shared your details with', 'message')} ${W(3)}${alt('family', 'relatives', 'wife', 'husband', 'partner', 'spouse', 'parents', 'mother', 'father', 'children', "kids'?", 'employer', 'boss', 'manager', 'colleagues', 'co-?workers', 'neighbou?rs', 'friends', 'contacts', 'church', 'landlord', 'workplace', 'hr(?: department)?', 'everyone', 'school')}`)),
  e('en.exposure.learn', 'exposure', b(`${alt('family', 'relatives', 'wife', 'husband', 'parents', 'employer', 'boss', 'colleagues', 'co-?workers', 'neighbou?rs', 'friends', 'church', 'everyone', 'hr department', "kids' school")} ${W(4)}${alt('will (?:find out|know|hear|be told|receive|get|be getting)', 'find out', 'be told', 'will be (?:told|contacted|getting)', 'know you')}`)),
  e('en.exposure.public', 'exposure', b(alt(
    'phone ?book', 'address book', 'contact list', 'social media', 'facebook', 'twitter', 'instagram', 'local paper', 'newspaper', 'published', 'publicly',
    'list of (?:bad payers|debtors)', "debtors'? list", 'name and shame', '(?:shame|expose|humiliate) you',
  ))),

  // Insults, abuse and curses (a negation does not excuse them).
  e('en.insult', 'insult', b(alt(
    'idiot', 'stupid', 'moron', 'deadbeat', 'loser', 'scum(?:bag)?', 'liar', 'thie(?:f|ves)', 'lowlife', 'worthless', 'pathetic', 'bitch', 'bastard',
    'asshole', 'dumbass', 'dumb', 'crook', 'parasite', 'damn(?:ed)?', 'disgrace', 'freeloader', 'go to hell', 'rot', 'coward', 'cheat', 'leech', 'bum',
    'dirtbags?', 'sorry excuse', "never have a day's peace", 'grow a spine', 'shut up',
  )), false),
  e('en.obscene', 'insult', String.raw`\b(?:f+u+c+k\w*|s+h+i+t+(?:ty|head)?|piss off)\b`, false),

  // Fees the agreement does not allow.
  e('en.fee', 'collection_fee', b(`${alt('collection', "collector'?s?", 'processing', 'handling', 'recovery', 'visit', 'doorstep', 'agency', 'administration', 'admin', 'convenience', 'tracing', 'set-?up', 'service', 'arrangement', 'maintenance', "attorney'?s'?", 'late handling')} ${W(1)}${alt('fees?', 'charges?', 'surcharge', 'costs?', 'commission')}`)),
  e('en.fee.charged', 'collection_fee', b(alt(
    '(?:costs?|charged?) (?:you|for our)', 'cost you', 'charged for', 'billed to you', 'agency commission', 'our costs', '(?:a|an|the) fee', 'fee for', 'fees? (?:applies|is needed)', 'surcharge', 'add(?:ed|ing)? (?:a|an|our) [a-z]+ (?:fee|charge)',
  ))),

  // Payment to anyone but the lender.
  e('en.payee.me', 'payee', b(`${alt('pay', 'send', 'transfer', 'wire', 'deposit', 'remit', 'give', 'hand over', 'drop', 'make the check out', 'put', 'use')} ${W(4)}${alt('to me', 'me directly', 'my (?:own |personal |private )?(?:bank )?(?:account|card|paypal|cash app|zelle|venmo|house|wallet)', 'in my name', 'me personally', 'personally', 'to our agent', 'collector directly', "(?:my )?(?:wife|husband|colleague)'s (?:private )?account", 'me the cash')}`)),
  e('en.payee.account', 'payee', b(alt(
    '(?:personal|private) (?:bank )?(?:account|card|wallet|sort code)', 'gift ?cards?', 'bitcoin', 'crypto(?:currency)?', 'western union', 'moneygram', 'prepaid card',
    'paypal', 'venmo', 'cash app', 'zelle', 'not the (?:lender|company|bank)', 'rather than the (?:lender|bank|company)', 'in the name of',
  ))),

  // New borrowing to pay.
  e('en.borrow', 'new_borrowing', b(alt(
    `(?:borrow|take out|get|apply for|open|use)\\b ${W(3)}${alt('loans?', 'money', 'credit cards?', 'cash advance', 'overdraft', 'advance', 'it')}`,
    'payday loans?', 'cash advance', 'loan shark', 'remortgage', 'lend (?:you|it)', 'put it on (?:a|your|another) credit card', 'title loan', 'buy now pay later',
    'consolidation loan', 'max out', `ask ${W(4)}(?:for (?:an? )?(?:advance|loan|money)|to lend)`, 'borrow (?:against|from|it)', 'online loan', 'loan (?:against|from)',
  ))),

  // Pressure to pay in full at once, to sell property, or to put this debt before essentials.
  e('en.pressure', 'pressure', b(alt(
    `(?:pay|clear|settle|send)\\b ${W(4)}(?:in full|everything|it all|the (?:whole|entire|full) (?:amount|balance|debt))`, 'in full (?:today|now|immediately|within)',
    `(?:full|whole|entire) (?:amount|balance|debt) ${W(2)}(?:today|now|immediately|right now|by \\d)`, 'sell (?:your|some of your)(?: [a-z]+)?', 'pawn', 'on the market', '(?:last|final) (?:chance|warning)',
    'act now', 'all or nothing', 'no (?:more )?(?:payment plan|instalments|installments|excuses)', 'nothing less than', 'cash in your', 'empty your', 'pay us (?:first|instead)',
    "(?:don't|stop) (?:pay(?:ing)?|spend(?:ing)?) (?:on |your )?(?:food|rent|bills)", 'not our problem', 'one hour', 'within the hour', 'pay now', 'by \\d+ ?(?:am|pm)',
  ))),

  e('en.legal', 'legal_action', String.raw`\b(?:sue|sued|suing|lawsuit|legal action|legal proceedings|court action|take you to court|judge?ment|litigation)\b`),
  e('en.debt', 'debt_mention', String.raw`\b(?:debts?|owe[sd]?|owing|overdue|past due|arrears|balance|collect(?:ion|ing|or)?s?|loans?|repay(?:ment)?|outstanding amount|default(?:ed)?)\b`),
];
