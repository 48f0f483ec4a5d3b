import type { Prng } from '../../lib/prng';

/**
 * The names moby gives a service created without `--name` (daemon/cluster/convert/service.go
 * `ServiceSpecToGRPC` → `namesgenerator.GetRandomName(0)`): `<adjective>_<surname>`, as for
 * containers. The words are a part of moby's `pkg/namesgenerator` lists, each one of its own.
 */
// prettier-ignore
const ADJECTIVES = [
  'admiring', 'adoring', 'affectionate', 'agitated', 'amazing', 'angry', 'awesome', 'beautiful',
  'blissful', 'bold', 'boring', 'brave', 'busy', 'charming', 'clever', 'compassionate',
  'competent', 'condescending', 'confident', 'cool', 'cranky', 'crazy', 'dazzling', 'determined',
  'distracted', 'dreamy', 'eager', 'ecstatic', 'elastic', 'elated', 'elegant', 'eloquent', 'epic',
  'exciting', 'fervent', 'festive', 'flamboyant', 'focused', 'friendly', 'frosty', 'funny',
  'gallant', 'gifted', 'goofy', 'gracious', 'great', 'happy', 'hardcore', 'heuristic', 'hopeful',
  'hungry', 'infallible', 'inspiring', 'intelligent', 'interesting', 'jolly', 'jovial', 'keen',
  'kind', 'laughing', 'loving', 'lucid', 'magical', 'modest', 'musing', 'mystifying', 'naughty',
  'nervous', 'nice', 'nifty', 'nostalgic', 'objective', 'optimistic', 'peaceful', 'pedantic',
  'pensive', 'practical', 'priceless', 'quirky', 'quizzical', 'recursing', 'relaxed', 'reverent',
  'romantic', 'sad', 'serene', 'sharp', 'silly', 'sleepy', 'stoic', 'strange', 'stupefied',
  'suspicious', 'sweet', 'tender', 'thirsty', 'trusting', 'unruffled', 'upbeat', 'vibrant',
  'vigilant', 'vigorous', 'wizardly', 'wonderful', 'xenodochial', 'youthful', 'zealous', 'zen',
] as const;

// prettier-ignore
const SURNAMES = [
  'albattani', 'allen', 'almeida', 'antonelli', 'archimedes', 'ardinghelli', 'aryabhata',
  'austin', 'babbage', 'banach', 'bardeen', 'bartik', 'bassi', 'beaver', 'bell', 'benz', 'bhabha',
  'bhaskara', 'black', 'blackburn', 'blackwell', 'bohr', 'booth', 'borg', 'bose', 'bouman',
  'boyd', 'brahmagupta', 'brattain', 'brown', 'buck', 'burnell', 'cannon', 'carson', 'cartwright',
  'carver', 'cerf', 'chandrasekhar', 'chaplygin', 'chatelet', 'chatterjee', 'chaum', 'chebyshev',
  'clarke', 'cohen', 'colden', 'cori', 'cray', 'curie', 'darwin', 'davinci', 'dewdney', 'dhawan',
  'diffie', 'dijkstra', 'dirac', 'driscoll', 'dubinsky', 'easley', 'edison', 'einstein',
  'elbakyan', 'elgamal', 'elion', 'ellis', 'engelbart', 'euclid', 'euler', 'faraday', 'feistel',
  'fermat', 'fermi', 'feynman', 'franklin', 'gagarin', 'galileo', 'galois', 'ganguly', 'gates',
  'gauss', 'germain', 'goldberg', 'goldstine', 'goldwasser', 'golick', 'goodall', 'gould',
  'greider', 'grothendieck', 'haibt', 'hamilton', 'haslett', 'hawking', 'heisenberg', 'hellman',
  'hermann', 'herschel', 'hertz', 'heyrovsky', 'hodgkin', 'hofstadter', 'hoover', 'hopper',
  'hugle', 'hypatia', 'ishizaka', 'jackson', 'jang', 'jemison', 'jennings', 'jepsen', 'johnson',
  'joliot', 'jones', 'kalam', 'kapitsa', 'kare', 'keldysh', 'keller', 'kepler', 'khayyam',
  'khorana', 'kilby', 'kirch', 'knuth', 'kowalevski', 'lalande', 'lamarr', 'lamport', 'leakey',
  'leavitt', 'lederberg', 'lehmann', 'lewin', 'lichterman', 'liskov', 'lovelace', 'lumiere',
  'mahavira', 'margulis', 'matsumoto', 'maxwell', 'mayer', 'mccarthy', 'mcclintock', 'mclaren',
  'mclean', 'mcnulty', 'meitner', 'mendel', 'mendeleev', 'meninsky', 'merkle', 'mestorf',
  'mirzakhani', 'montalcini', 'moore', 'morse', 'moser', 'murdock', 'napier', 'nash', 'neumann',
  'newton', 'nightingale', 'nobel', 'noether', 'northcutt', 'noyce', 'panini', 'pare', 'pascal',
  'pasteur', 'payne', 'perlman', 'pike', 'poincare', 'poitras', 'proskuriakova', 'ptolemy',
  'raman', 'ramanujan', 'rhodes', 'ride', 'ritchie', 'robinson', 'roentgen', 'rosalind', 'rubin',
  'saha', 'sammet', 'sanderson', 'satoshi', 'shamir', 'shannon', 'shaw', 'shirley', 'shockley',
  'shtern', 'sinoussi', 'snyder', 'solomon', 'spence', 'stonebraker', 'sutherland', 'swanson',
  'swartz', 'swirles', 'taussig', 'tesla', 'tharp', 'thompson', 'torvalds', 'tu', 'turing',
  'varahamihira', 'vaughan', 'villani', 'visvesvaraya', 'volhard', 'wescoff', 'wilbur', 'wiles',
  'williams', 'williamson', 'wilson', 'wing', 'wozniak', 'wright', 'wu', 'yalow', 'yonath',
  'zhukovsky',
] as const;

/** `GetRandomName(0)`: moby never names anything boring_wozniak ("Steve Wozniak is not boring"). */
export function randomServiceName(prng: Prng): string {
  for (;;) {
    const adjective = ADJECTIVES[prng.intInclusive(0, ADJECTIVES.length - 1)] ?? 'admiring';
    const surname = SURNAMES[prng.intInclusive(0, SURNAMES.length - 1)] ?? 'albattani';
    const name = `${adjective}_${surname}`;
    if (name !== 'boring_wozniak') return name;
  }
}
