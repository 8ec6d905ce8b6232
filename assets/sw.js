// wirediff's service worker: after one visit the app loads with the network off.
// scripts/service-worker.sh fills in the build's version and asset list, so every build gets
// its own cache and a changed build replaces the old one.
const VERSION = "__WIREDIFF_VERSION__";
const ASSETS = __WIREDIFF_ASSETS__;

// The scope is part of the name, so copies served from different paths of one origin
// (for example / and /wirediff/) never delete each other's caches.
const PREFIX = `wirediff:${self.registration.scope}:`;
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
    event.waitUntil(
        caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()),
    );
});

self.addEventListener("activate", (event) => {
    event.waitUntil(
        caches.keys()
            .then((keys) => keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE))
            .then((old) => Promise.all(old.map((key) => caches.delete(key))))
            .then(() => self.clients.claim()),
    );
});

self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
        return;
    }
    if (request.mode === "navigate") {
        // Pages: the network first, so a new build shows at once; the cached page when offline.
        event.respondWith(
            fetch(request).catch(() =>
                caches.match(request, { cacheName: CACHE, ignoreSearch: true })
                    .then((hit) => hit || caches.match("./", { cacheName: CACHE }))
            ),
        );
        return;
    }
    // Assets have content hashes in their names: the cache first.
    event.respondWith(
        caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)),
    );
});
