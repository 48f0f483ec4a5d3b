/**
 * The simulated registry's images: the ones the Docker docs' swarm tutorial and common labs
 * use. Each has its tags with a fixed digest (made up once for this lab: it has no network, and
 * the real digests change with every rebuild), the platforms it is built for, the config that
 * decides what its container runs, and how that default process behaves.
 */
export interface ImageEntry {
  /** As Docker Hub names it: `nginx` for an official image, `user/name` otherwise. */
  readonly repository: string;
  /** Tag → manifest digest (`sha256:` and 64 hex digits). */
  readonly tags: Readonly<Record<string, string>>;
  readonly config: {
    readonly entrypoint: readonly string[];
    readonly cmd: readonly string[];
    readonly exposedPorts: readonly string[];
  };
  /** What the default command does without a TTY: runs until stopped, or exits. */
  readonly process: { readonly exitsAfterMs: number | null; readonly exitCode: number };
}

/** A server: it runs until it is stopped. */
const RUNS = { exitsAfterMs: null, exitCode: 0 } as const;
/** A shell or a one-shot program with no TTY: it exits at once, cleanly. */
const EXITS = { exitsAfterMs: 100, exitCode: 0 } as const;
/** A database with no password set: its entrypoint prints the error and exits 1. */
const FAILS = { exitsAfterMs: 800, exitCode: 1 } as const;

/** Every image manifest lists these two platforms here. */
export const PLATFORMS = [
  { architecture: 'amd64', os: 'linux' },
  { architecture: 'arm64', os: 'linux' },
] as const;

export const CATALOGUE: readonly ImageEntry[] = [
  {
    repository: 'nginx',
    tags: {
      latest: 'sha256:1d555146968aed2b8eb2e7b7a036f835c1e51ed6b4920dec1fa62efb226114eb',
      '1.27': 'sha256:0bbe95fe0ce146ddf939b627f54bdd9bb0fa9253f5462024ea66bd7fab960dff',
      '1.27.3': 'sha256:f1c1817fdadfde257a89894c6d4acb765da537afd91db8004d289ecc56fd3dae',
      '1.26': 'sha256:d92d34ef44306df75e3a0c925f768d510f8baf50542ddd2ec23ebd5187fcae10',
      '1.25': 'sha256:3c1c2a061ada36c5e0375a4aa7e5415445736df0dc974c072a6540955d2dfe5a',
      alpine: 'sha256:c98ad4b89d9dc2aaf22990ef1d51ed401adbc97c852a8b8e3c5d493b2b5d3efb',
    },
    config: {
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      exposedPorts: ['80/tcp'],
    },
    process: RUNS,
  },
  {
    repository: 'httpd',
    tags: {
      latest: 'sha256:f13d2979b4c3c1e90e322b247db36f9f6c008f8b9d72705d4916b6af8a05a27a',
      '2.4': 'sha256:362d4b7f678387a71ef282f1c66b440e3f95250890e66d593bcbe2edb6a10317',
    },
    config: { entrypoint: [], cmd: ['httpd-foreground'], exposedPorts: ['80/tcp'] },
    process: RUNS,
  },
  {
    repository: 'redis',
    tags: {
      latest: 'sha256:aea35e27eafaa2a6e7e698a685eb523d46c2e64de76729d8cca2632877c2948a',
      '7.4': 'sha256:84e275135f3ada61a7b5a7f38bded914b53f0a5e49999f3b13908fe050ad96d1',
      '7.4.0': 'sha256:f1aa1c8fc4c50565668fea9ee51f45fbbd29a8e1d64e809f0666cc542f38a1bb',
      '7.2': 'sha256:724603cbca3a65c7074a6b2a1bc78f8bb7123e2076a56df0e0fabe2ad4270071',
      '6.2': 'sha256:77d270b6b87b23bcc95e561254b04a401886f64f46309683fadc3b1ed0e3831c',
      '3.0.6': 'sha256:4cfc78484dcbbb3f24d5a36e24e00486bee7271156a50641f18f83a62caaf71f',
      '3.0.7': 'sha256:2257c961eb748e2d39a3425fcffd8fc6dd6d48d6970dadb3f24a84a226bcfd0a',
      alpine: 'sha256:be5db3acba5873d27d1e974d07e5021e43220068d8f2551b5b33cf5b7476eda0',
    },
    config: {
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['redis-server'],
      exposedPorts: ['6379/tcp'],
    },
    process: RUNS,
  },
  {
    repository: 'alpine',
    tags: {
      latest: 'sha256:b866ef775cebaac2bf751d9dcfb60fe0612522fa001d3c2a5dc213d916ecb260',
      '3.21': 'sha256:2dae82b0df4ec507f619115a0edf29e2ea8cc8a7f71f6a02b42e91b43aafcd3c',
      '3.20': 'sha256:cb519af6c538168c305c4fb98ee04a5175cdabe4d41cf2873e5f20123ba4e4e1',
      '3.19': 'sha256:c77ddef798e35a238ed98f73463cda3bb0839f99ffa359cfdc3e02071a8560a2',
    },
    config: { entrypoint: [], cmd: ['/bin/sh'], exposedPorts: [] },
    process: EXITS,
  },
  {
    repository: 'busybox',
    tags: {
      latest: 'sha256:fcaaf4426c0bc5967d8116b783a2a6daa23b95cbce8dc463a722243879f474b5',
      '1.37': 'sha256:0cd2f11f34c9718b1b1d53ab314451c3cab9359ee7131d78647eb1f8edf340fb',
      '1.36': 'sha256:c3e0fa668f88ea2f579a91c5452e2e37608caee075d23f32199ff1a42576624d',
    },
    config: { entrypoint: [], cmd: ['sh'], exposedPorts: [] },
    process: EXITS,
  },
  {
    repository: 'ubuntu',
    tags: {
      latest: 'sha256:643f3f1db575fd08b8cd0bef896fa671d38ec0c645d99c6511d49b8c258363fe',
      '24.04': 'sha256:17c17b2aab68e864dfb3c4836bbb7141f30da2b15913d80e425881fc55c9864d',
      '22.04': 'sha256:88912a450d26bbaa9380a12a29cb9e569e7bb3242a8cc79919301c6a33f36c64',
    },
    config: { entrypoint: [], cmd: ['/bin/bash'], exposedPorts: [] },
    process: EXITS,
  },
  {
    repository: 'debian',
    tags: {
      latest: 'sha256:ffb7526b81e3f1358a1056ab2ac16e4c01a2015fbc2c57121dbe40785143bd6c',
      bookworm: 'sha256:a0cb39641fc6996fa3e6a5ce6fde1a2e5a6becb7bb38dccf774b5beecc4097d5',
    },
    config: { entrypoint: [], cmd: ['bash'], exposedPorts: [] },
    process: EXITS,
  },
  {
    repository: 'postgres',
    tags: {
      '15': 'sha256:307324b700f19c3301bb8484133cf795fc69ed150a9b598187e6bbef0764913b',
      '16': 'sha256:67a0ded0498e5cd8ccc3df2ae7387c5f76e40a49250ad9731e8024be2185641d',
      '17': 'sha256:3ec21818504167ba8a6edae9c40414615017fa8edecb8624b26e5c3aa69e9f98',
      latest: 'sha256:74278faa3a675cbbed8031329481da42db2724be2b5fbe98bbc19fe2c8c203b5',
    },
    config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], exposedPorts: ['5432/tcp'] },
    process: FAILS,
  },
  {
    repository: 'mysql',
    tags: {
      latest: 'sha256:eff56494ed1fc8c2938d61ce5a9c1c8c688369b48583b0b2809ca6378cd239f0',
      '8.4': 'sha256:bcae3ae00e9b5ff8389a31db07ced3ab8db67b48cb549d1e774b178ead078c20',
      '8.0': 'sha256:9166d17d5af6aeb27d704d491f5cb3729aede9b4fae62112a0f92c5414c9ec6c',
    },
    config: {
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['mysqld'],
      exposedPorts: ['3306/tcp', '33060/tcp'],
    },
    process: FAILS,
  },
  {
    repository: 'traefik',
    tags: {
      latest: 'sha256:3e67b89005731488100fa3522490c61f802035670b34fd83cb12965a77993c7c',
      'v3.2': 'sha256:a0a54525427330b48c19c6d8e44013ea0f3a5fbd8cafdf2f0dfb0236324d9d1e',
      'v3.1': 'sha256:c662635c2452d6e2fb0a3a3ed081809cd2afc39d1bf44a9987c203e11db7f3ef',
      'v2.11': 'sha256:0f551d5bc851bbcf8eaaac9d37aa4aa6c2a6eb078215026e8a953a1a64e9097c',
    },
    config: { entrypoint: ['/entrypoint.sh'], cmd: ['traefik'], exposedPorts: ['80/tcp'] },
    process: RUNS,
  },
  {
    repository: 'hello-world',
    tags: {
      latest: 'sha256:2b02dba34c9e90b406653b2a38dbf79b901a1c092c2e179727dd9e79af36abf8',
    },
    config: { entrypoint: [], cmd: ['/hello'], exposedPorts: [] },
    process: EXITS,
  },
  {
    repository: 'registry',
    tags: {
      '2': 'sha256:68295ea36e97a39ad951e4c4359c77402072c708e97d9beda88a29a800111a56',
      latest: 'sha256:7ede47e2d642d01080819f8a694b9c6f0a7097016b2fe7e8fe3d28837f55a154',
    },
    config: {
      entrypoint: ['/entrypoint.sh'],
      cmd: ['/etc/distribution/config.yml'],
      exposedPorts: ['5000/tcp'],
    },
    process: RUNS,
  },
  {
    repository: 'dockersamples/visualizer',
    tags: {
      latest: 'sha256:998d7357216502d545e60d44634413fd5364dc814c6a2d6c8e0eb4abc8d00066',
      stable: 'sha256:a8ee5ed5f06580ff45a2130cc3c442953fd2036eb179ec00357a124fca3302d7',
    },
    config: { entrypoint: [], cmd: ['npm', 'start'], exposedPorts: ['8080/tcp'] },
    process: RUNS,
  },
  {
    repository: 'portainer/portainer-ce',
    tags: {
      latest: 'sha256:59b5636ca0cd2208a9edac89d6c974b0b5b2b47ed657305435daba693ef57489',
    },
    config: {
      entrypoint: ['/portainer'],
      cmd: [],
      exposedPorts: ['8000/tcp', '9000/tcp', '9443/tcp'],
    },
    process: RUNS,
  },
  {
    repository: 'node',
    tags: {
      '20': 'sha256:c0ee711676f0e0ffe0024c6a15af782f780487fb2a31a0d99bdac8f73333442f',
      '22': 'sha256:79e9c9499eeb19f930de7a7c70a5049aeed88862e8393fe85c0a7887ebdcefc1',
      latest: 'sha256:5546721749f4a2ef582b4554f17d5286d5af78a0f88c66302f2a1febf9c3aac4',
    },
    config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], exposedPorts: [] },
    process: EXITS,
  },
  {
    repository: 'python',
    tags: {
      latest: 'sha256:7114b1cc98d8811884b66c218d3bc88124341029572dc519fa29a3d0b62f4f3d',
      '3.13': 'sha256:d391ba58a4efcdbd33632bdbdc266092f09181d59c499e86d7cb31d99b84d0ed',
      '3.12': 'sha256:a0746f75a3ba5eddf12f9723db3ae8cdf861d77dc8bf156c0bbd2dba0436115b',
    },
    config: { entrypoint: [], cmd: ['python3'], exposedPorts: [] },
    process: EXITS,
  },
  {
    repository: 'mongo',
    tags: {
      latest: 'sha256:c91ac5b76cfe2f07002605b3185bb1954c284a8900e52b9478539d72598fc0c6',
      '8.0': 'sha256:8d841dc237be6d9e07a7d729cb1e8a1987abffb0c02eb8de5ec718b67b49de25',
      '7.0': 'sha256:2c356800981d3a8f50e4660e606ecd9914f5c39fc75199c770d1738a2a7e1586',
    },
    config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['mongod'], exposedPorts: ['27017/tcp'] },
    process: RUNS,
  },
  {
    repository: 'wordpress',
    tags: {
      latest: 'sha256:3216fde37e49fc0ba866b88dab4a114de490cabda57acde553d83aa8cb36c38b',
    },
    config: {
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['apache2-foreground'],
      exposedPorts: ['80/tcp'],
    },
    process: RUNS,
  },
];
