/*
 * YieldPilot's rule language (docs/decisions/0004-rule-language.md).
 *
 * The grammar only says how a rule is shaped. Everything a name can mean (metrics, pools, chains, assets, units,
 * days) is looked up later: metric names are plain names checked against the metric catalog, never keywords here.
 * Keywords are lower case. Whitespace and line breaks separate tokens and are otherwise free; comments run from
 * '#' to the end of the line and are kept on the hidden channel, so the tree can carry them.
 */
grammar RuleLanguage;

ruleFile
    : RULE title=STRING schedule? whenClause? thenClause optionsClause? EOF
    ;

// ---- schedules: every 6h | every day 08:30 UTC | every monday, thursday 09:00 UTC

schedule
    : EVERY DURATION                                        # intervalSchedule
    | EVERY days+=name (COMMA days+=name)* TIME zone=name?  # calendarSchedule
    ;

// ---- conditions: `and` binds tighter than `or`; `not` applies to what follows; `for` to one comparison or group

whenClause
    : WHEN orCondition
    ;

orCondition
    : andCondition (OR andCondition)*
    ;

andCondition
    : notCondition (AND notCondition)*
    ;

notCondition
    : NOT notCondition        # negatedCondition
    | sustainedCondition      # plainCondition
    ;

sustainedCondition
    : atomCondition (FOR DURATION)?
    ;

atomCondition
    : comparison                      # comparisonCondition
    | LPAREN orCondition RPAREN       # groupCondition
    ;

comparison
    : left=expression op=(LT | LE | GT | GE | EQ | NE) right=expression
    ;

// ---- values: arithmetic with the usual precedence

expression
    : multiplicative (ops+=(PLUS | MINUS) rest+=multiplicative)*
    ;

multiplicative
    : unary (ops+=(STAR | SLASH) rest+=unary)*
    ;

unary
    : MINUS unary      # negation
    | primary          # plainUnary
    ;

primary
    : metricCall                        # metricValue
    | window                            # windowValue
    | quantity                          # literalValue
    | LPAREN expression RPAREN          # groupValue
    ;

metricCall
    : metric=name LPAREN subject RPAREN
    ;

subject
    : POOL_ID     # poolSubject
    | name        # namedSubject
    ;

window
    : fn=(AVG | MIN | MAX | CHANGE | PCTCHANGE) LPAREN metricCall COMMA DURATION RPAREN
    ;

// 4, 0.4, 4%, 50 bps, 30 gwei, 50000 USD, 50,000 USDC, $50k, $1.5M
quantity
    : NUMBER (PERCENT | unit=IDENT)?
    | USD_AMOUNT
    ;

// ---- actions, executed in order

thenClause
    : THEN action+
    ;

action
    : MOVE quantity FROM from=POOL_ID TO to=POOL_ID (MAX limit=quantity)?   # moveAction
    | WITHDRAW quantity FROM from=POOL_ID                                  # withdrawAction
    | DEPOSIT quantity INTO into=POOL_ID                                   # depositAction
    | NOTIFY text=STRING                                                   # notifyAction
    ;

// ---- options, comma separated

optionsClause
    : OPTIONS option (COMMA option)*
    ;

option
    : COOLDOWN DURATION                        # cooldownOption
    | MAX GAS NUMBER unit=IDENT?               # maxGasOption
    | MODE value=(PAPER | LIVE)                # modeOption
    | APPROVAL REQUIRED                        # approvalOption
    | PRIORITY NUMBER                          # priorityOption
    | EXPIRES value=(DATE | DATETIME)          # expiresOption
    | EVALUATE EVERY DURATION                  # evaluateOption
    ;

// A name: a metric, chain, asset or day. The few keywords that are also plausible names stay usable as names.
name
    : IDENT | GAS | MODE | LIVE | PAPER
    ;

// ---- tokens

RULE : 'rule' ;
WHEN : 'when' ;
THEN : 'then' ;
AND : 'and' ;
OR : 'or' ;
NOT : 'not' ;
FOR : 'for' ;
EVERY : 'every' ;
MOVE : 'move' ;
WITHDRAW : 'withdraw' ;
DEPOSIT : 'deposit' ;
NOTIFY : 'notify' ;
FROM : 'from' ;
TO : 'to' ;
INTO : 'into' ;
AVG : 'avg' ;
MIN : 'min' ;
MAX : 'max' ;
CHANGE : 'change' ;
PCTCHANGE : 'pctchange' ;
OPTIONS : 'options' ;
COOLDOWN : 'cooldown' ;
GAS : 'gas' ;
MODE : 'mode' ;
PAPER : 'paper' ;
LIVE : 'live' ;
APPROVAL : 'approval' ;
REQUIRED : 'required' ;
PRIORITY : 'priority' ;
EXPIRES : 'expires' ;
EVALUATE : 'evaluate' ;

LE : '<=' ;
GE : '>=' ;
EQ : '==' ;
NE : '!=' ;
LT : '<' ;
GT : '>' ;
ASSIGN : '=' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
LPAREN : '(' ;
RPAREN : ')' ;
COMMA : ',' ;

// before POOL_ID: 2026-12-31T18:00:00 also has the shape of a pool id, and the first rule wins a tie
DATETIME : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT 'T' DIGIT DIGIT ':' DIGIT DIGIT (':' DIGIT DIGIT)? 'Z'? ;
DATE : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
// protocol:chain:asset[:qualifier]; the two colons set it apart from names and arithmetic
POOL_ID : SEGMENT ':' SEGMENT ':' SEGMENT (':' SEGMENT)? ;
TIME : DIGIT DIGIT? ':' DIGIT DIGIT ;
DURATION : DIGIT+ [smhdw] ;
USD_AMOUNT : '$' DIGITS ('.' DIGIT+)? [kKmMbB]? ;
NUMBER : DIGITS ('.' DIGIT+)? ;
STRING : '"' (ESCAPE | ~["\\\r\n])* '"' ;
// an opening quote without its closing one, so the error can say exactly that
UNTERMINATED_STRING : '"' (ESCAPE | ~["\\\r\n])* ;
IDENT : [A-Za-z_] [A-Za-z0-9_]* ([.\-] [A-Za-z0-9_]+)* ;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WHITESPACE : [ \t\r\n]+ -> skip ;
// anything else reaches the parser as one character, so every error has a position and plain words
UNKNOWN : . ;

fragment DIGIT : [0-9] ;
fragment DIGITS : DIGIT+ | DIGIT DIGIT? DIGIT? (',' DIGIT DIGIT DIGIT)+ ;
fragment SEGMENT : [A-Za-z0-9] [A-Za-z0-9._+\-]* ;
fragment ESCAPE : '\\' . ;
