#!/usr/bin/env python3
"""Benchmarks/SecretRecall/make_set.py - a held-out set for secret scanners (Python 3, standard library only).

Usage: python3 Benchmarks/SecretRecall/make_set.py --out DIR [--seed S] [--list]

Writes one SOT document per case and placement under DIR/<placement>/<case>.md and the manifest
DIR/../<basename of DIR>.manifest.json (outside the scanned folder, so that no scanner reads the
secrets a second time), or where --manifest says.

Cases: positives are credential formats written from the providers' public documentation of their
token shapes (prefix, length, alphabet, checksum where documented), structural secrets (private
keys, URL credentials, password hashes, auth headers, connection strings, keyword assignments) and
provider-context keys without a prefix, where the provider is named on the line. Negatives are near
misses: placeholders, published example keys, wrong length or alphabet, identifiers and hashes that
are not secrets, public keys and certificates, references to secrets kept elsewhere.

Every value is drawn fresh from random.Random(seed) for each case and used in that case's four
placements (so that a difference between placements is the placement's, not the value's); none of
them is a real credential. Placements (one document each):
  code-span     inside a code span in a sentence
  fence         inside a fenced code block
  plain         in a plain sentence, without backticks
  html-comment  inside an HTML comment
Multi-line cases (private-key blocks, a Kubernetes Secret) appear only in fence and html-comment.

Manifest: {"seed", "placements", "files": [{"path", "case", "kind", "format", "group",
"placement", "line", "lines": [first, last], "secret"}]} - line is the secret's first line,
lines the block a detection may point into (one line for single-line cases); for a negative,
lines are the case's lines, where any finding is a false positive.
"""
import argparse
import base64
import json
import os
import random
import sys
import uuid
import zlib

UP = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LO = "abcdefghijklmnopqrstuvwxyz"
DIG = "0123456789"
ALNUM = UP + LO + DIG
HEX = "0123456789abcdef"
HEXUP = "0123456789ABCDEF"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
B32 = UP + "234567"
BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"
CRYPT = "./" + DIG + UP + LO
BASE62 = DIG + UP + LO

# Substrings that many scanners treat as "not a real secret"; a random value containing one is redrawn.
STOP = ("test", "example", "xxxx", "fake", "dummy", "sample", "0000", "1234", "abcd", "aaaa", "demo",
        "mock", "placeholder", "changeme", "secret", "password", "token", "key")

WORDS = ("amber", "anchor", "apricot", "autumn", "badger", "balcony", "bamboo", "banjo", "barley", "beacon",
         "bramble", "breeze", "bridle", "cactus", "candle", "canyon", "carpet", "cedar", "chalk", "cherry",
         "cider", "cinder", "clover", "cobalt", "comet", "copper", "coral", "cotton", "cricket", "crimson",
         "dahlia", "dingo", "dolphin", "dragon", "drizzle", "ember", "falcon", "fennel", "fiddle", "fjord",
         "flannel", "forest", "fossil", "garnet", "gazebo", "ginger", "glacier", "goblet", "granite",
         "gravel", "harbor", "hazel", "heron", "hickory", "horse", "island", "ivory", "jasper", "juniper",
         "kettle", "lantern", "lemon", "lilac", "linen", "lizard", "lobster", "magnet", "mango", "maple",
         "marble", "meadow", "mellow", "mitten", "monsoon", "mosaic", "mustard", "nectar", "nickel",
         "nutmeg", "oatmeal", "olive", "onyx", "orchid", "otter", "paddle", "pebble", "pepper", "pickle",
         "pigeon", "pistachio", "plum", "pollen", "poppy", "quartz", "quill", "radish", "raven", "ribbon",
         "saffron", "salmon", "sapphire", "scarlet", "sequoia", "shadow", "sparrow", "spruce", "staple",
         "falafel", "thistle", "thunder", "timber", "tulip", "tundra", "velvet", "violet", "walnut",
         "willow", "wombat", "yonder", "zephyr", "battery", "correct", "orbit", "pylon", "quokka")
USERS = ("deploy", "svc-build", "jenkins", "app", "ops", "backup", "etl_user", "reporting", "ci-bot", "admin")
HOSTS = ("db.internal.acme.io", "pg-prod-2.corp.lan", "10.20.4.17", "mq.acme-logistics.net",
         "cache-01.eu-west.acme.cloud", "ftp.partner-portal.de", "registry.acme.io", "mongo0.prod.lan")


def rs(rng, alphabet, n):
    """A random string of n characters, redrawn while it contains a stop word."""
    while True:
        s = "".join(rng.choice(alphabet) for _ in range(n))
        low = s.lower()
        if not any(w in low for w in STOP):
            return s


def rbytes(rng, n):
    return bytes(rng.randrange(256) for _ in range(n))


def b64(data, url=False, pad=True):
    s = (base64.urlsafe_b64encode(data) if url else base64.b64encode(data)).decode()
    return s if pad else s.rstrip("=")


def ruuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def words(rng, n):
    out = []
    while len(out) < n:
        w = rng.choice(WORDS)
        if w not in out:
            out.append(w)
    return out


def passw(rng, n=18):
    """A generated password: letters, digits and a few symbols, never a word."""
    while True:
        s = rs(rng, ALNUM + "!#%^*_-+=.", n)
        if any(c in DIG for c in s) and any(c in UP for c in s) and any(c in LO for c in s):
            return s


def base62(n, width):
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = BASE62[d] + out
    return out.rjust(width, "0")


def gh_token(rng, prefix):
    """GitHub's documented shape: prefix, 30 random base62 characters, CRC32 of them in 6 base62."""
    body = rs(rng, ALNUM, 30)
    return prefix + body + base62(zlib.crc32(body.encode()), 6)


def jwt(rng, claims=None):
    header = {"alg": rng.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}
    now = 1_700_000_000 + rng.randrange(60_000_000)
    payload = claims or {"sub": ruuid(rng), "iss": "https://auth.acme.io/", "aud": "api",
                         "iat": now, "exp": now + 3600, "scope": "read write"}
    enc = lambda o: b64(json.dumps(o, separators=(",", ":")).encode(), url=True, pad=False)
    sig = b64(rbytes(rng, 32 if header["alg"] == "HS256" else 64 if header["alg"] == "ES256" else 256), url=True, pad=False)
    return f"{enc(header)}.{enc(payload)}.{sig}"


def pem_lines(label, der, width=64):
    body = b64(der)
    return [f"-----BEGIN {label}-----"] + [body[i:i + width] for i in range(0, len(body), width)] + [f"-----END {label}-----"]


def der_rsa_pkcs1(rng):
    return bytes.fromhex("308204a40201000282010100") + rbytes(rng, 1180)


def der_ec(rng):
    return (bytes.fromhex("30770201010420") + rbytes(rng, 32) + bytes.fromhex("a00a06082a8648ce3d030107a144034200")
            + b"\x04" + rbytes(rng, 64))


def der_pkcs8_rsa(rng):
    return bytes.fromhex("308204bd020100300d06092a864886f70d0101010500048204a7") + rbytes(rng, 1191)


def der_pkcs8_ed25519(rng):
    return bytes.fromhex("302e020100300506032b657004220420") + rbytes(rng, 32)


def openssh_blob(rng):
    pub = rbytes(rng, 32)
    name = b"ssh-ed25519"
    def sstr(b):
        return len(b).to_bytes(4, "big") + b
    pubkey = sstr(name) + sstr(pub)
    check = rbytes(rng, 4)
    priv = check + check + sstr(name) + sstr(pub) + sstr(rbytes(rng, 32) + pub) + sstr(b"ops@build-07") + b"\x01\x02\x03\x04\x05"
    return (b"openssh-key-v1\x00" + sstr(b"none") + sstr(b"none") + sstr(b"") + (1).to_bytes(4, "big")
            + sstr(pubkey) + sstr(priv))


# ---------------------------------------------------------------------------------------------
# Cases. A single-line case returns (before, secret, after): the line is before + secret + after.
# A multi-line case returns (lines, first, last, secret): the secret spans lines[first..last].
# mode "whole": the code-span placement puts the whole line in backticks inside a sentence;
# mode "value": the line is itself prose and the code span holds the value alone.

POS, NEG = [], []


def case(kind, name, group, lang="sh", mode="whole", multi=False):
    def deco(fn):
        (POS if kind == "positive" else NEG).append(
            {"format": name, "group": group, "lang": lang, "mode": mode, "multi": multi, "gen": fn, "kind": kind})
        return fn
    return deco


def P(name, group, **kw):
    return case("positive", name, group, **kw)


def N(name, group, **kw):
    return case("negative", name, group, **kw)


def simple(kind, name, group, before, value, after="", **kw):
    """A case whose line is before + value(rng) + after."""
    case(kind, name, group, **kw)(lambda rng: (before, value(rng), after))


def pfx(name, before, prefix, alphabet, n, after="", group="prefixed", **kw):
    simple("positive", name, group, before, lambda rng: prefix + rs(rng, alphabet, n), after, **kw)


# --- prefixed provider tokens ----------------------------------------------------------------
for p, var in (("ghp_", "GITHUB_TOKEN"), ("gho_", "GH_OAUTH_TOKEN"), ("ghu_", "GH_USER_TOKEN"),
               ("ghs_", "GH_APP_INSTALLATION_TOKEN"), ("ghr_", "GH_REFRESH_TOKEN")):
    simple("positive", f"github-{p[:-1]}", "prefixed", f"export {var}=", (lambda p: lambda rng: gh_token(rng, p))(p))
simple("positive", "github-fine-grained-pat", "prefixed", "gh auth login --with-token <<< ",
       lambda rng: "github_pat_11" + rs(rng, UP + DIG, 20) + "_" + rs(rng, ALNUM, 59))
pfx("gitlab-glpat", "GITLAB_TOKEN=", "glpat-", B64URL, 20)
pfx("gitlab-gldt", "git clone https://gitlab+deploy-token-41:", "gldt-", B64URL, 20, "@gitlab.acme.io/ops/infra.git")
pfx("gitlab-glrt", "gitlab-runner register --url https://gitlab.acme.io --token ", "glrt-", B64URL, 20)
pfx("gitlab-glptt", "curl -X POST -F token=", "glptt-", HEX, 40, " -F ref=main https://gitlab.acme.io/api/v4/projects/12/trigger/pipeline")
pfx("gitlab-glsoat", "SCIM_TOKEN=", "glsoat-", B64URL, 20)
pfx("gitlab-glffct", "unleash_instance_token: ", "glffct-", B64URL, 20, lang="yaml")
pfx("gitlab-gloas", "oauth_app_secret = ", "gloas-", HEX, 64, lang="ini")
pfx("gitlab-glft", "https://gitlab.acme.io/dashboard/issues.atom?feed_token=", "glft-", B64URL, 20)
pfx("gitlab-glimt", "incoming_email_token: ", "glimt-", LO + DIG, 25, lang="yaml")
pfx("gitlab-glagent", "helm upgrade --install agent gitlab/gitlab-agent --set config.token=", "glagent-", B64URL, 50)

simple("positive", "slack-xoxb", "prefixed", "SLACK_BOT_TOKEN=",
       lambda rng: f"xoxb-{rs(rng, DIG, 12)}-{rs(rng, DIG, 13)}-{rs(rng, ALNUM, 24)}")
simple("positive", "slack-xoxp", "prefixed", "slack_user_token: ",
       lambda rng: f"xoxp-{rs(rng, DIG, 12)}-{rs(rng, DIG, 12)}-{rs(rng, DIG, 13)}-{rs(rng, HEX, 32)}", lang="yaml")
simple("positive", "slack-xoxa", "prefixed", "curl -H 'Authorization: Bearer ",
       lambda rng: f"xoxa-2-{rs(rng, DIG, 12)}-{rs(rng, DIG, 12)}-{rs(rng, DIG, 13)}-{rs(rng, HEX, 64)}",
       "' https://slack.com/api/auth.test")
simple("positive", "slack-xoxe-refresh", "prefixed", "refresh_token=",
       lambda rng: "xoxe-1-My0xLTE" + rs(rng, B64URL, 132))
simple("positive", "slack-xoxe-xoxp-rotating", "prefixed", "SLACK_ROTATING_TOKEN=",
       lambda rng: "xoxe.xoxp-1-Mi0yLTE" + rs(rng, B64URL, 140))
simple("positive", "slack-xapp", "prefixed", "SLACK_APP_TOKEN=",
       lambda rng: f"xapp-1-A{rs(rng, UP + DIG, 10)}-{rs(rng, DIG, 13)}-{rs(rng, HEX, 64)}")
simple("positive", "slack-webhook", "prefixed", "curl -X POST -d '{\"text\":\"deploy done\"}' ",
       lambda rng: f"https://hooks.slack.com/services/T{rs(rng, UP + DIG, 8)}/B{rs(rng, UP + DIG, 10)}/{rs(rng, ALNUM, 24)}")

pfx("stripe-sk-live", "STRIPE_SECRET_KEY=", "sk_live_51", ALNUM, 97)
pfx("stripe-rk-live", "stripe_restricted_key: ", "rk_live_51", ALNUM, 97, lang="yaml")
pfx("stripe-sk-test", "stripe.api_key = \"", "sk_test_51", ALNUM, 97, "\"", lang="python")
pfx("stripe-whsec", "STRIPE_WEBHOOK_SECRET=", "whsec_", ALNUM, 32)

simple("positive", "aws-access-key-id", "prefixed", "aws_access_key_id = ", lambda rng: "AKIA" + rs(rng, B32, 16), lang="ini")
simple("positive", "aws-secret-access-key", "context", "aws_secret_access_key = ", lambda rng: rs(rng, ALNUM + "+/", 40), lang="ini")
simple("positive", "aws-temporary-key-id", "prefixed", "AWS_ACCESS_KEY_ID=", lambda rng: "ASIA" + rs(rng, B32, 16))
simple("positive", "aws-session-token", "prefixed", "aws_session_token = ",
       lambda rng: "IQoJb3JpZ2luX2VjE" + rs(rng, B64, 380), lang="ini")
pfx("google-api-key", "https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key=", "AIza", B64URL, 35)
pfx("google-oauth-client-secret", "\"client_secret\": \"", "GOCSPX-", B64URL, 28, "\"", lang="json")
pfx("google-oauth-refresh-token", "GOOGLE_REFRESH_TOKEN=", "1//0", B64URL, 99)
pfx("google-oauth-access-token", "Authorization: Bearer ", "ya29.a0", B64URL, 160)
simple("positive", "openai-project-key", "prefixed", "OPENAI_API_KEY=",
       lambda rng: "sk-proj-" + rs(rng, B64URL, 74) + "T3BlbkFJ" + rs(rng, B64URL, 74))
simple("positive", "openai-service-account-key", "prefixed", "openai_key: ",
       lambda rng: "sk-svcacct-" + rs(rng, B64URL, 74) + "T3BlbkFJ" + rs(rng, B64URL, 74), lang="yaml")
simple("positive", "openai-legacy-key", "prefixed", "openai.api_key = '",
       lambda rng: "sk-" + rs(rng, ALNUM, 20) + "T3BlbkFJ" + rs(rng, ALNUM, 20), "'", lang="python")
simple("positive", "anthropic-api-key", "prefixed", "ANTHROPIC_API_KEY=",
       lambda rng: "sk-ant-api03-" + rs(rng, B64URL, 93) + "AA")
simple("positive", "anthropic-admin-key", "prefixed", "x-api-key: ",
       lambda rng: "sk-ant-admin01-" + rs(rng, B64URL, 93) + "AA")
pfx("huggingface-token", "huggingface-cli login --token ", "hf_", UP + LO, 34)
simple("positive", "npm-token", "prefixed", "//registry.npmjs.org/:_authToken=", lambda rng: gh_token(rng, "npm_"), lang="ini")


def pypi_token(rng):
    ident = ruuid(rng).encode()
    mac = (b"\x02\x01\x08pypi.org\x02" + bytes([len(ident)]) + ident + b"\x00\x02\x2a"
           + b'[1,["project"],{"name":"acme-tools"}]'[:42] + b"\x00\x00\x06\x20" + rbytes(rng, 32))
    return "pypi-" + b64(mac, url=True, pad=False)


simple("positive", "pypi-token", "prefixed", "TWINE_PASSWORD=", pypi_token)
for p in ("shpat_", "shpss_", "shpca_", "shppa_"):
    pfx(f"shopify-{p[:-1]}", "SHOPIFY_ACCESS_TOKEN=" if p != "shpss_" else "SHOPIFY_SHARED_SECRET=", p, HEX, 32)
simple("positive", "twilio-api-key-sid", "prefixed", "TWILIO_API_KEY=", lambda rng: "SK" + rs(rng, HEX, 32))
simple("positive", "twilio-account-auth-token", "prefixed",
       "curl https://api.twilio.com/2010-04-01/Accounts.json -u ", lambda rng: f"AC{rs(rng, HEX, 32)}:{rs(rng, HEX, 32)}")
simple("positive", "sendgrid-api-key", "prefixed", "SENDGRID_API_KEY=",
       lambda rng: f"SG.{rs(rng, B64URL, 22)}.{rs(rng, B64URL, 43)}")
pfx("mailgun-api-key", "curl -s --user 'api:", "key-", HEX, 32, "' https://api.mailgun.net/v3/mg.acme.io/messages")
for p, var in (("dop_v1_", "DIGITALOCEAN_TOKEN"), ("doo_v1_", "DO_OAUTH_TOKEN"), ("dor_v1_", "DO_REFRESH_TOKEN")):
    pfx(f"digitalocean-{p[:3]}", f"{var}=", p, HEX, 64)
pfx("doppler-personal-token", "doppler configure set token ", "dp.pt.", ALNUM, 43)
pfx("doppler-service-token", "DOPPLER_TOKEN=", "dp.st.prd.", ALNUM, 40)
simple("positive", "postman-api-key", "prefixed", "POSTMAN_API_KEY=", lambda rng: f"PMAK-{rs(rng, HEX, 24)}-{rs(rng, HEX, 34)}")
pfx("linear-api-key", "LINEAR_API_KEY=", "lin_api_", ALNUM, 40)
pfx("notion-secret", "NOTION_TOKEN=", "secret_", ALNUM, 43)
simple("positive", "notion-ntn", "prefixed", "notion_api_key: ", lambda rng: "ntn_" + rs(rng, DIG, 11) + rs(rng, ALNUM, 35), lang="yaml")
pfx("databricks-pat", "DATABRICKS_TOKEN=", "dapi", HEX, 32)
pfx("vault-service-token", "export VAULT_TOKEN=", "hvs.CAESI", B64URL, 86)
pfx("vault-batch-token", "vault_token: ", "hvb.AAAAAQ", B64URL, 130, lang="yaml")
simple("positive", "terraform-cloud-token", "prefixed", "credentials \"app.terraform.io\" { token = \"",
       lambda rng: f"{rs(rng, ALNUM, 14)}.atlasv1.{rs(rng, ALNUM, 67)}", "\" }", lang="hcl")


def grafana_cloud(rng):
    body = {"o": rs(rng, DIG, 6), "n": f"stack-{rs(rng, DIG, 6)}-hm-read-ci", "k": rs(rng, ALNUM, 24),
            "m": {"r": rng.choice(["prod-us-east-0", "prod-eu-west-2"])}}
    return "glc_" + b64(json.dumps(body, separators=(",", ":")).encode(), pad=False)


simple("positive", "grafana-cloud-token", "prefixed", "GRAFANA_CLOUD_TOKEN=", grafana_cloud)
simple("positive", "grafana-service-account-token", "prefixed", "Authorization: Bearer ",
       lambda rng: f"glsa_{rs(rng, ALNUM, 32)}_{rs(rng, HEX, 8)}")
simple("positive", "grafana-legacy-api-key", "prefixed", "grafana_api_key = ",
       lambda rng: b64(json.dumps({"k": rs(rng, ALNUM, 32), "n": "ci-dashboards", "id": rng.randrange(1, 99)},
                                  separators=(",", ":")).encode()), lang="ini")


def sentry_org(rng):
    body = {"iat": 1_700_000_000 + rng.randrange(60_000_000), "url": "https://sentry.io",
            "region_url": "https://us.sentry.io", "org": "acme-" + rs(rng, LO, 5)}
    return "sntrys_" + b64(json.dumps(body, separators=(",", ":")).encode(), pad=False) + "_" + rs(rng, B64, 43)


simple("positive", "sentry-org-token", "prefixed", "SENTRY_AUTH_TOKEN=", sentry_org)
pfx("sentry-user-token", "sentry-cli --auth-token ", "sntryu_", HEX, 64, " releases list")


def onepassword_sa(rng):
    body = {"signInAddress": "my.1password.com",
            "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256", "iterations": 650000, "salt": rs(rng, B64URL, 22)},
            "email": rs(rng, LO + DIG, 13) + "@1passwordserviceaccounts.com", "srpX": rs(rng, HEX, 64),
            "muk": {"alg": "A256GCM", "ext": True, "k": rs(rng, B64URL, 43), "key_ops": ["encrypt", "decrypt"],
                    "kty": "oct", "kid": "mp"},
            "secretKey": "A3-" + "-".join(rs(rng, UP + DIG, n) for n in (6, 6, 5, 5, 5, 5)),
            "throttleSecret": {"seed": rs(rng, HEX, 64), "uuid": rs(rng, UP + DIG, 26)}, "deviceUuid": rs(rng, LO + DIG, 26)}
    return "ops_" + b64(json.dumps(body, separators=(",", ":")).encode(), pad=False)


simple("positive", "1password-service-account-token", "prefixed", "OP_SERVICE_ACCOUNT_TOKEN=", onepassword_sa)
simple("positive", "1password-secret-key", "prefixed", "1Password secret key: ",
       lambda rng: "A3-" + "-".join(rs(rng, UP + DIG, n) for n in (6, 6, 5, 5, 5, 5)), mode="value", lang="text")
pfx("square-access-token", "SQUARE_ACCESS_TOKEN=", "EAAA", B64URL, 60)
pfx("square-legacy-access-token", "square_token: ", "sq0atp-", B64URL, 22, lang="yaml")
pfx("square-oauth-secret", "square_application_secret = ", "sq0csp-", B64URL, 43, lang="ini")
simple("positive", "sourcegraph-token", "prefixed", "SRC_ACCESS_TOKEN=", lambda rng: f"sgp_{rs(rng, HEX, 16)}_{rs(rng, HEX, 40)}")
simple("positive", "tailscale-auth-key", "prefixed", "tailscale up --authkey=",
       lambda rng: f"tskey-auth-k{rs(rng, ALNUM, 10)}CNTRL-{rs(rng, ALNUM, 33)}")
simple("positive", "tailscale-api-key", "prefixed", "TS_API_KEY=",
       lambda rng: f"tskey-api-k{rs(rng, ALNUM, 10)}CNTRL-{rs(rng, ALNUM, 33)}")
pfx("flyio-oauth-token", "FLY_API_TOKEN=", "fo1_", B64URL, 43)
simple("positive", "flyio-macaroon", "prefixed", "fly deploy --access-token \"",
       lambda rng: f"FlyV1 fm2_lJPE{rs(rng, B64, 180)},fm2_lJPE{rs(rng, B64, 120)}", "\"")
pfx("perplexity-api-key", "PPLX_API_KEY=", "pplx-", ALNUM, 48)
simple("positive", "facebook-access-token", "prefixed", "curl -G https://graph.facebook.com/v19.0/me -d access_token=",
       lambda rng: "EAAG" + rs(rng, ALNUM, 180))
simple("positive", "cloudflare-origin-ca-key", "prefixed", "CF_ORIGIN_CA_KEY=", lambda rng: f"v1.0-{rs(rng, HEX, 24)}-{rs(rng, HEX, 146)}")
pfx("age-secret-key", "SOPS_AGE_KEY=", "AGE-SECRET-KEY-1", BECH32, 58)
simple("positive", "atlassian-api-token", "prefixed", "JIRA_API_TOKEN=",
       lambda rng: "ATATT3xFfGF0" + rs(rng, B64URL, 170) + "=" + rs(rng, HEXUP, 8))
simple("positive", "airtable-pat", "prefixed", "AIRTABLE_TOKEN=", lambda rng: f"pat{rs(rng, ALNUM, 14)}.{rs(rng, HEX, 64)}")
pfx("newrelic-user-key", "NEW_RELIC_API_KEY=", "NRAK-", UP + DIG, 27)
pfx("pulumi-token", "PULUMI_ACCESS_TOKEN=", "pul-", HEX, 40)
pfx("buildkite-token", "BUILDKITE_API_TOKEN=", "bkua_", HEX, 40)
pfx("groq-api-key", "GROQ_API_KEY=", "gsk_", ALNUM, 52)
pfx("replicate-token", "REPLICATE_API_TOKEN=", "r8_", ALNUM, 37)
pfx("netlify-pat", "NETLIFY_AUTH_TOKEN=", "nfp_", ALNUM, 36)
pfx("render-api-key", "RENDER_API_KEY=", "rnd_", ALNUM, 32)
pfx("supabase-pat", "SUPABASE_ACCESS_TOKEN=", "sbp_", HEX, 40)
simple("positive", "pinecone-api-key", "prefixed", "PINECONE_API_KEY=", lambda rng: f"pcsk_{rs(rng, ALNUM, 5)}_{rs(rng, ALNUM, 63)}")
pfx("dropbox-short-lived-token", "DROPBOX_TOKEN=", "sl.u.", B64URL, 140)


def mapbox_sk(rng):
    body = {"u": "acme-maps", "a": rs(rng, LO + DIG, 25)}
    return "sk." + b64(json.dumps(body, separators=(",", ":")).encode(), url=True, pad=False) + "." + rs(rng, B64URL, 22)


simple("positive", "mapbox-secret-token", "prefixed", "MAPBOX_DOWNLOADS_TOKEN=", mapbox_sk)
simple("positive", "typeform-token", "prefixed", "TYPEFORM_TOKEN=", lambda rng: f"tfp_{rs(rng, B64URL, 44)}_{rs(rng, ALNUM, 14)}")
pfx("heroku-hrku-key", "heroku config:set --app acme-api HEROKU_API_KEY=", "HRKU-AA", B64URL, 58)
pfx("contentful-cma-token", "CONTENTFUL_MANAGEMENT_TOKEN=", "CFPAT-", B64URL, 43)
pfx("sonarqube-user-token", "sonar.token=", "squ_", HEX, 40, lang="ini")
simple("positive", "azure-ad-client-secret", "prefixed", "AZURE_CLIENT_SECRET=",
       lambda rng: rs(rng, ALNUM, 3) + rs(rng, DIG, 1) + "Q~" + rs(rng, ALNUM + "_.~-", 34))
simple("positive", "firebase-fcm-server-key", "prefixed", "Authorization: key=",
       lambda rng: "AAAA" + rs(rng, B64URL, 7) + ":APA91b" + rs(rng, B64URL, 134))
simple("positive", "twitter-bearer-token", "prefixed", "TWITTER_BEARER_TOKEN=",
       lambda rng: "AAAAAAAAAAAAAAAAAAAAA" + rs(rng, ALNUM, 25) + "%3D" + rs(rng, ALNUM, 50))
simple("positive", "launchdarkly-api-key", "prefixed", "LD_API_KEY=", lambda rng: "api-" + ruuid(rng))
simple("positive", "launchdarkly-sdk-key", "prefixed", "ld_sdk_key: ", lambda rng: "sdk-" + ruuid(rng), lang="yaml")
simple("positive", "hubspot-private-app-token", "prefixed", "HUBSPOT_TOKEN=", lambda rng: "pat-na1-" + ruuid(rng))
simple("positive", "circleci-pat", "prefixed", "CIRCLE_TOKEN=", lambda rng: f"CCIPAT_{rs(rng, ALNUM, 22)}_{rs(rng, HEX, 40)}")
simple("positive", "bitbucket-app-password", "prefixed", "BITBUCKET_APP_PASSWORD=", lambda rng: "ATBB" + rs(rng, ALNUM, 32) + rs(rng, HEXUP, 8))
pfx("shippo-live-token", "SHIPPO_API_KEY=", "shippo_live_", HEX, 40)
pfx("planetscale-token", "PLANETSCALE_SERVICE_TOKEN=", "pscale_tkn_", B64URL, 43)
pfx("planetscale-password", "DATABASE_PASSWORD=", "pscale_pw_", B64URL, 43)
pfx("prefect-api-key", "PREFECT_API_KEY=", "pnu_", ALNUM, 36)
simple("positive", "dynatrace-token", "prefixed", "DT_API_TOKEN=", lambda rng: f"dt0c01.{rs(rng, UP + DIG, 24)}.{rs(rng, UP + DIG, 64)}")
pfx("adafruit-io-key", "ADAFRUIT_IO_KEY=", "aio_", ALNUM, 28)
pfx("easypost-api-key", "EASYPOST_API_KEY=", "EZAK", ALNUM, 54)
pfx("readme-api-key", "README_API_KEY=", "rdme_", ALNUM, 70)
pfx("rubygems-api-key", ":rubygems_api_key: ", "rubygems_", HEX, 48, lang="yaml")
pfx("clojars-token", "CLOJARS_PASSWORD=", "CLOJARS_", HEX, 60)
simple("positive", "flutterwave-secret-key", "prefixed", "FLW_SECRET_KEY=", lambda rng: f"FLWSECK-{rs(rng, HEX, 32)}-X")
pfx("duffel-live-token", "DUFFEL_ACCESS_TOKEN=", "duffel_live_", B64URL, 43)
simple("positive", "harness-pat", "prefixed", "HARNESS_API_KEY=",
       lambda rng: f"pat.{rs(rng, B64URL, 22)}.{rs(rng, HEX, 24)}.{rs(rng, ALNUM, 20)}")
pfx("jfrog-reference-token", "JFROG_ACCESS_TOKEN=", "cmVmdGtuOjAxOjE3", ALNUM, 48)
pfx("alibaba-access-key-id", "ALIBABA_CLOUD_ACCESS_KEY_ID=", "LTAI", ALNUM, 20)
pfx("tencent-secret-id", "TENCENTCLOUD_SECRET_ID=", "AKID", ALNUM, 32)
simple("positive", "discord-webhook", "prefixed", "DISCORD_WEBHOOK=",
       lambda rng: f"https://discord.com/api/webhooks/{rs(rng, DIG, 19)}/{rs(rng, B64URL, 68)}")
simple("positive", "teams-webhook", "prefixed", "teams_webhook_url: ",
       lambda rng: f"https://acme.webhook.office.com/webhookb2/{ruuid(rng)}@{ruuid(rng)}/IncomingWebhook/{rs(rng, HEX, 32)}/{ruuid(rng)}", lang="yaml")
pfx("docker-hub-pat", "echo ", "dckr_pat_", B64URL, 27, " | docker login -u acmebuild --password-stdin")
pfx("figma-pat", "FIGMA_TOKEN=", "figd_", B64URL, 40)
simple("positive", "brevo-api-key", "prefixed", "BREVO_API_KEY=", lambda rng: f"xkeysib-{rs(rng, HEX, 64)}-{rs(rng, ALNUM, 16)}")

# --- structural secrets ----------------------------------------------------------------------
def pem_case(name, label, der_fn):
    @P(name, "structural", lang="text", multi=True)
    def _(rng):
        lines = pem_lines(label, der_fn(rng))
        return lines, 0, len(lines) - 1, "\n".join(lines)


pem_case("pem-rsa-private-key", "RSA PRIVATE KEY", der_rsa_pkcs1)
pem_case("pem-ec-private-key", "EC PRIVATE KEY", der_ec)
pem_case("pem-pkcs8-rsa-private-key", "PRIVATE KEY", der_pkcs8_rsa)
pem_case("pem-pkcs8-ed25519-private-key", "PRIVATE KEY", der_pkcs8_ed25519)


@P("openssh-private-key", "structural", lang="text", multi=True)
def _(rng):
    lines = pem_lines("OPENSSH PRIVATE KEY", openssh_blob(rng), width=70)
    return lines, 0, len(lines) - 1, "\n".join(lines)


@P("pgp-private-key-block", "structural", lang="text", multi=True)
def _(rng):
    body = b64(b"\x95\x07\x46\x04" + rbytes(rng, 900))
    crc = b64(rbytes(rng, 3))
    lines = (["-----BEGIN PGP PRIVATE KEY BLOCK-----", ""] + [body[i:i + 64] for i in range(0, len(body), 64)]
             + ["=" + crc, "-----END PGP PRIVATE KEY BLOCK-----"])
    return lines, 0, len(lines) - 1, "\n".join(lines)


@P("putty-private-key", "structural", lang="text", multi=True)
def _(rng):
    pub = b64(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rbytes(rng, 32))
    priv = b64(b"\x00\x00\x00\x20" + rbytes(rng, 32))
    lines = ["PuTTY-User-Key-File-3: ssh-ed25519", "Encryption: none", "Comment: ops@bastion", "Public-Lines: 2",
             pub[:64], pub[64:], "Private-Lines: 1", priv, "Private-MAC: " + rs(rng, HEX, 64)]
    return lines, 0, len(lines) - 1, priv


@P("kubernetes-secret-data", "structural", lang="yaml", multi=True)
def _(rng):
    pw = b64(passw(rng, 20).encode())
    lines = ["apiVersion: v1", "kind: Secret", "metadata:", "  name: billing-db", "type: Opaque", "data:",
             "  username: " + b64(rng.choice(USERS).encode()), "  password: " + pw]
    return lines, 0, len(lines) - 1, pw


def gcp_sa_key(rng):
    lines = pem_lines("PRIVATE KEY", der_pkcs8_rsa(rng))
    return "\\n".join(lines) + "\\n"


simple("positive", "gcp-service-account-private-key", "structural", "\"private_key\": \"", gcp_sa_key, "\",", lang="json")
simple("positive", "jwt", "structural", "", jwt, "", lang="text")
simple("positive", "jwt-bearer-header", "structural", "curl -H \"Authorization: Bearer ", jwt, "\" https://api.acme.io/v2/orders")
simple("positive", "bearer-opaque-token", "structural", "Authorization: Bearer ", lambda rng: rs(rng, ALNUM, 40), lang="http")
simple("positive", "basic-auth-header", "structural", "Authorization: Basic ",
       lambda rng: b64(f"{rng.choice(USERS)}:{passw(rng)}".encode()), lang="http")
for scheme, port, path in (("https", "", "/api/v1/export"), ("postgres", ":5432", "/billing"), ("mongodb+srv", "", "/orders?retryWrites=true"),
                           ("redis", ":6379", "/0"), ("amqp", ":5672", "/%2f"), ("ftp", "", "/outbox/"), ("smtp", ":587", "")):
    def url_cred(rng, scheme=scheme, port=port, path=path):
        return passw(rng, rng.randrange(14, 24))
    name = "url-credentials-" + scheme.replace("+srv", "-srv")
    user = {"redis": "default"}.get(scheme, "svc_" + scheme.split("+")[0])
    host = {"mongodb+srv": "cluster0.x1y2z.mongodb.net"}.get(scheme, "db.internal.acme.io")
    simple("positive", name, "structural", f"{scheme}://{user}:", url_cred, f"@{host}{port}{path}")
simple("positive", "jdbc-password-parameter", "structural", "jdbc:mysql://db.internal.acme.io:3306/app?user=app&password=",
       lambda rng: passw(rng), "&useSSL=true", lang="properties")
for name, fn in (("md5crypt-hash", lambda rng: f"$1${rs(rng, CRYPT, 8)}${rs(rng, CRYPT, 22)}"),
                 ("bcrypt-2a-hash", lambda rng: f"$2a$10${rs(rng, CRYPT, 53)}"),
                 ("bcrypt-2b-hash", lambda rng: f"$2b$12${rs(rng, CRYPT, 53)}"),
                 ("sha256crypt-hash", lambda rng: f"$5$rounds=535000${rs(rng, CRYPT, 16)}${rs(rng, CRYPT, 43)}"),
                 ("sha512crypt-hash", lambda rng: f"$6${rs(rng, CRYPT, 16)}${rs(rng, CRYPT, 86)}"),
                 ("argon2id-hash", lambda rng: f"$argon2id$v=19$m=65536,t=3,p=4${b64(rbytes(rng, 16), pad=False)}${b64(rbytes(rng, 32), pad=False)}")):
    simple("positive", name, "structural", f"{'root' if 'crypt' in name else 'admin'}:", fn, ":19750:0:99999:7:::" if "crypt" in name else "", lang="text")
simple("positive", "htpasswd-apr1", "structural", "ops:", lambda rng: f"$apr1${rs(rng, CRYPT, 8)}${rs(rng, CRYPT, 22)}", lang="text")
simple("positive", "curl-user-password", "structural", "curl -u ", lambda rng: f"{rng.choice(USERS)}:{passw(rng)}",
       " https://nexus.acme.io/service/rest/v1/components")
simple("positive", "docker-login-password", "structural", "docker login registry.acme.io -u ci-bot -p ", lambda rng: passw(rng, 20))
simple("positive", "netrc-machine-login-password", "structural", "machine api.heroku.com login ops@acme.io password ",
       lambda rng: passw(rng, 22), lang="text")
simple("positive", "odbc-connection-string", "structural",
       "Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql.acme.io,1433;Database=ledger;Uid=etl_user;Pwd=",
       lambda rng: passw(rng), ";Encrypt=yes;", lang="text")
simple("positive", "adonet-connection-string", "structural",
       "Server=sql-prod-1;Database=Orders;User Id=sa;Password=", lambda rng: passw(rng), ";TrustServerCertificate=True;", lang="text")
simple("positive", "xml-appsettings-apikey", "structural", "<add key=\"ApiKey\" value=\"", lambda rng: rs(rng, ALNUM, 32), "\" />", lang="xml")
simple("positive", "gradle-signing-password", "structural", "signing.password=", lambda rng: passw(rng), lang="properties")
simple("positive", "go-apikey-assignment", "structural", "apiKey := \"", lambda rng: rs(rng, ALNUM, 32), "\"", lang="go")
simple("positive", "php-secret-array", "structural", "'secret' => '", lambda rng: rs(rng, ALNUM, 40), "',", lang="php")
simple("positive", "ruby-hash-rocket-secret", "structural", ":client_secret => \"", lambda rng: rs(rng, HEX, 40), "\",", lang="ruby")
simple("positive", "keyword-password-no-digit", "structural", "password = \"", lambda rng: "".join(words(rng, 4)), "\"", lang="python")
simple("positive", "keyword-yaml-password-no-digit", "structural", "db_password: ", lambda rng: "-".join(words(rng, 4)), lang="yaml")
simple("positive", "keyword-env-password-no-digit", "structural", "SMTP_PASSWORD=",
       lambda rng: "".join(w.capitalize() for w in words(rng, 3)) + rng.choice("!?#%"))
simple("positive", "keyword-json-client-secret", "structural", "\"client_secret\": \"", lambda rng: rs(rng, B64URL, 40), "\"", lang="json")
simple("positive", "keyword-passphrase-spaces", "structural", "passphrase: \"", lambda rng: " ".join(words(rng, 5)), "\"", lang="yaml")
simple("positive", "mysql-cli-password", "structural", "mysql -h db.internal.acme.io -u app -p", lambda rng: passw(rng), " billing")
simple("positive", "sshpass-password", "structural", "sshpass -p '", lambda rng: passw(rng), "' ssh ops@10.20.4.17")
simple("positive", "pgpassword-env", "structural", "PGPASSWORD=", lambda rng: passw(rng), " psql -h pg-prod-2.corp.lan -U reporting")
simple("positive", "pgpass-line", "structural", "pg-prod-2.corp.lan:5432:billing:reporting:", lambda rng: passw(rng), lang="text")
simple("positive", "django-secret-key", "structural", "SECRET_KEY = '", lambda rng: rs(rng, LO + DIG + "!@#%^&*(-_=+)", 50), "'", lang="python")
simple("positive", "rails-secret-key-base", "structural", "secret_key_base: ", lambda rng: rs(rng, HEX, 128), lang="yaml")
simple("positive", "powershell-securestring", "structural", "$pw = ConvertTo-SecureString '", lambda rng: passw(rng),
       "' -AsPlainText -Force", lang="powershell")
simple("positive", "npmrc-legacy-authtoken", "structural", "//npm.pkg.github.com/:_authToken=", ruuid, lang="ini")
simple("positive", "docker-config-auth", "structural", "\"registry.acme.io\": { \"auth\": \"",
       lambda rng: b64(f"ci-bot:{passw(rng)}".encode()), "\" }", lang="json")
simple("positive", "wireguard-private-key", "structural", "PrivateKey = ", lambda rng: b64(rbytes(rng, 32)), lang="ini")
simple("positive", "ethereum-private-key", "structural", "DEPLOYER_PRIVATE_KEY=0x", lambda rng: rs(rng, HEX, 64))
simple("positive", "kubeconfig-client-key-data", "structural", "client-key-data: ",
       lambda rng: b64("\n".join(pem_lines("EC PRIVATE KEY", der_ec(rng))).encode()), lang="yaml")
simple("positive", "azure-storage-connection-string", "structural",
       "DefaultEndpointsProtocol=https;AccountName=acmeprodlogs;AccountKey=", lambda rng: b64(rbytes(rng, 64)),
       ";EndpointSuffix=core.windows.net", lang="text")
simple("positive", "azure-sas-signature", "structural",
       "https://acmeprodlogs.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31T00:00:00Z&sig=",
       lambda rng: b64(rbytes(rng, 32)).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"))

# --- provider-context keys without a prefix (the provider is named on the line) --------------
def ctx(name, before, value, after="", **kw):
    simple("positive", name, "context", before, value, after, **kw)


H = lambda n: (lambda rng: rs(rng, HEX, n))
A = lambda n: (lambda rng: rs(rng, ALNUM, n))
U = lambda n: (lambda rng: rs(rng, B64URL, n))
ctx("algolia-admin-key", "ALGOLIA_ADMIN_KEY=", H(32))
ctx("datadog-api-key", "The Datadog API key is ", H(32), mode="value", lang="text")
ctx("datadog-app-key", "datadog_app_key: ", H(40), lang="yaml")
ctx("pagerduty-api-token", "PAGERDUTY_TOKEN=", lambda rng: rs(rng, ALNUM + "+_-", 20))
ctx("newrelic-license-key", "NEW_RELIC_LICENSE_KEY=", H(40))
ctx("heroku-api-key-uuid", "HEROKU_API_KEY=", ruuid)
ctx("mailchimp-api-key", "MAILCHIMP_API_KEY=", lambda rng: f"{rs(rng, HEX, 32)}-us{rng.randrange(2, 21)}")
ctx("okta-api-token", "okta_api_token: ", lambda rng: "00" + rs(rng, B64URL, 40), lang="yaml")
ctx("auth0-client-secret", "AUTH0_CLIENT_SECRET=", U(64))
ctx("contentful-delivery-token", "contentful_delivery_token: ", U(43), lang="yaml")
ctx("segment-write-key", "Segment write key: ", A(32), mode="value", lang="text")
ctx("mixpanel-api-secret", "MIXPANEL_API_SECRET=", H(32))
ctx("amplitude-secret-key", "amplitude.secret_key = \"", H(32), "\"", lang="properties")
ctx("bitbucket-legacy-app-password", "BITBUCKET_APP_PASSWORD=", A(20))
ctx("circleci-legacy-token", "CIRCLECI_TOKEN=", H(40))
ctx("travis-api-token", "TRAVIS_API_TOKEN=", U(22))
ctx("bugsnag-api-key", "BUGSNAG_API_KEY=", H(32))
ctx("rollbar-access-token", "ROLLBAR_ACCESS_TOKEN=", H(32))
ctx("pusher-app-secret", "PUSHER_APP_SECRET=", H(20))
ctx("twitter-consumer-secret", "TWITTER_CONSUMER_SECRET=", A(50))
ctx("discord-bot-token", "DISCORD_BOT_TOKEN=",
    lambda rng: f"{b64(rs(rng, DIG, 18).encode(), pad=False)}.{rs(rng, B64URL, 6)}.{rs(rng, B64URL, 38)}")
ctx("telegram-bot-token", "TELEGRAM_BOT_TOKEN=", lambda rng: f"{rng.randrange(10**9, 8 * 10**9)}:AA{rs(rng, B64URL, 33)}")
ctx("zendesk-api-token", "ZENDESK_API_TOKEN=", A(40))
ctx("freshdesk-api-key", "FRESHDESK_API_KEY=", A(20))
ctx("hubspot-legacy-api-key", "HUBSPOT_API_KEY=", ruuid)
ctx("asana-pat", "ASANA_ACCESS_TOKEN=", lambda rng: f"2/{rs(rng, DIG, 16)}/{rs(rng, DIG, 16)}:{rs(rng, HEX, 32)}")
ctx("trello-token", "TRELLO_TOKEN=", H(64))
ctx("jira-legacy-api-token", "jira.api_token = ", A(24), lang="properties")
ctx("snyk-token", "SNYK_TOKEN=", ruuid)
ctx("sonar-legacy-token", "SONAR_TOKEN=", H(40))
ctx("vercel-token", "VERCEL_TOKEN=", A(24))
ctx("fastly-api-token", "FASTLY_API_TOKEN=", U(32))
ctx("azure-devops-pat", "AZURE_DEVOPS_EXT_PAT=", lambda rng: rs(rng, LO + "234567", 52))
ctx("box-developer-token", "BOX_DEVELOPER_TOKEN=", A(32))
ctx("sumologic-access-key", "SUMO_LOGIC_ACCESS_KEY=", A(64))
ctx("splunk-hec-token", "curl -k https://splunk.acme.io:8088/services/collector -H \"Authorization: Splunk ", ruuid, "\"")
ctx("plaid-secret", "PLAID_SECRET=", H(30))
ctx("braintree-private-key", "BRAINTREE_PRIVATE_KEY=", H(32))
ctx("paypal-client-secret", "PAYPAL_CLIENT_SECRET=", U(80))
ctx("vonage-api-secret", "VONAGE_API_SECRET=", A(16))
ctx("codecov-token", "CODECOV_TOKEN=", ruuid)
ctx("cohere-api-key", "COHERE_API_KEY=", A(40))
ctx("mistral-api-key", "MISTRAL_API_KEY=", A(32))
ctx("elevenlabs-api-key", "ELEVENLABS_API_KEY=", H(32))
ctx("deepgram-api-key", "DEEPGRAM_API_KEY=", H(40))
ctx("cloudflare-api-token", "CLOUDFLARE_API_TOKEN=", U(40))
ctx("cloudflare-global-api-key", "The Cloudflare global API key is ", H(37), mode="value", lang="text")
ctx("postmark-server-token", "POSTMARK_SERVER_TOKEN=", ruuid)
ctx("sparkpost-api-key", "SPARKPOST_API_KEY=", H(40))
ctx("mailjet-secret-key", "MAILJET_SECRET_KEY=", H(32))
ctx("intercom-access-token", "INTERCOM_ACCESS_TOKEN=", lambda rng: b64(f"tok:{ruuid(rng)}:{rs(rng, DIG, 1)}:0".encode()))
ctx("github-oauth-client-secret", "GITHUB_CLIENT_SECRET=", H(40))
ctx("linode-token", "LINODE_TOKEN=", H(64))
ctx("recaptcha-secret-key", "RECAPTCHA_SECRET_KEY=", lambda rng: "6L" + rs(rng, B64URL, 38))
ctx("coinbase-api-secret", "COINBASE_API_SECRET=", A(32))
ctx("azure-openai-api-key", "AZURE_OPENAI_API_KEY=", H(32))
ctx("wandb-api-key", "WANDB_API_KEY=", H(40))
ctx("kaggle-api-key", "The Kaggle API key is ", H(32), mode="value", lang="text")

# --- negatives: near misses ------------------------------------------------------------------
def neg(name, group, line, **kw):
    """A negative whose line is fixed text or a function of rng returning the line."""
    fn = line if callable(line) else (lambda rng, line=line: line)
    case("negative", name, group, **kw)(lambda rng: ("", fn(rng), ""))


# placeholders and templates
neg("placeholder-x-github", "placeholder", "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
neg("placeholder-angle-token", "placeholder", "GITHUB_TOKEN=<your-token>")
neg("placeholder-shell-var", "placeholder", "export STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY}")
neg("placeholder-command-substitution", "placeholder", "export VAULT_TOKEN=$(vault print token)")
neg("placeholder-helm-template", "placeholder", "password: {{ .Values.database.password }}", lang="yaml")
neg("placeholder-jinja", "placeholder", "api_key: \"{{ vault_api_key }}\"", lang="yaml")
neg("placeholder-github-actions", "placeholder", "token: ${{ secrets.NPM_TOKEN }}", lang="yaml")
neg("placeholder-stars", "placeholder", "password: ********", lang="yaml")
neg("placeholder-your-api-key-here", "placeholder", "OPENAI_API_KEY=YOUR_API_KEY_HERE")
neg("placeholder-redacted", "placeholder", "Authorization: Bearer [REDACTED]", lang="http")
neg("placeholder-ellipsis-stripe", "placeholder", "STRIPE_SECRET_KEY=sk_live_...")
neg("placeholder-ellipsis-openai", "placeholder", "OPENAI_API_KEY=sk-...")
neg("placeholder-bearer-angle", "placeholder", "curl -H \"Authorization: Bearer <token>\" https://api.acme.io/v2/orders")
neg("placeholder-bearer-var", "placeholder", "curl -H \"Authorization: Bearer $API_TOKEN\" https://api.acme.io/v2/orders")
neg("placeholder-curl-vars", "placeholder", "curl -u \"$NEXUS_USER:$NEXUS_PASSWORD\" https://nexus.acme.io/service/rest/v1/components")
neg("placeholder-docker-login-var", "placeholder", "docker login registry.acme.io -u ci-bot -p \"$REGISTRY_PASSWORD\"")
neg("placeholder-url-credentials-var", "placeholder", "DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal.acme.io:5432/billing")
neg("placeholder-url-credentials-angle", "placeholder", "https://<user>:<password>@nexus.acme.io/repository/raw/")
neg("placeholder-python-format", "placeholder", "dsn = 'postgresql://%(user)s:%(password)s@%(host)s/billing'", lang="python")
neg("placeholder-env-lookup", "placeholder", "password = os.environ[\"DB_PASSWORD\"]", lang="python")
neg("placeholder-process-env", "placeholder", "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);", lang="js")
neg("placeholder-zero-aws", "placeholder", "aws_access_key_id = AKIA0000000000000000", lang="ini")
neg("placeholder-zero-slack", "placeholder", "SLACK_BOT_TOKEN=xoxb-000000000000-0000000000000-000000000000000000000000")
neg("placeholder-sequential-hex", "placeholder", "ALGOLIA_ADMIN_KEY=0123456789abcdef0123456789abcdef")
neg("placeholder-twilio-x", "placeholder", "TWILIO_ACCOUNT_SID=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
neg("placeholder-netrc-var", "placeholder", "machine api.heroku.com login ops@acme.io password $HEROKU_API_KEY", lang="text")
neg("placeholder-xml-token", "placeholder", "<add key=\"ApiKey\" value=\"$(ApiKey)\" />", lang="xml")
neg("placeholder-connection-string", "placeholder", "Server=sql-prod-1;Database=Orders;User Id=sa;Password=<password>;", lang="text")
neg("placeholder-k8s-secretkeyref", "reference", "valueFrom: { secretKeyRef: { name: billing-db, key: password } }", lang="yaml")
neg("placeholder-empty-password", "placeholder", "password: \"\"", lang="yaml")
# published example keys
neg("example-aws-access-key-id", "example-key", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", lang="ini")
neg("example-aws-secret-access-key", "example-key", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", lang="ini")
neg("example-stripe-docs-test-key", "example-key", "stripe.api_key = \"sk_test_4eC39HqLyjWDarjtT1zdp7dc\"", lang="python")
neg("example-jwt-io", "example-key", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", lang="text")
neg("example-token-word", "example-key", "GITLAB_TOKEN=glpat-EXAMPLE-token-1234")
# wrong length or alphabet
# (in prose or neutral contexts: a keyword assignment of a random value is a fair catch for a generic rule)
neg("short-github", "wrong-shape", lambda rng: f"Classic tokens are 40 characters; the ticket quoted only ghp_{rs(rng, ALNUM, 12)} from the log.", lang="text")
neg("short-aws-key-id", "wrong-shape", lambda rng: f"The id AKIA{rs(rng, B32, 9)} in the screenshot is cut off.", lang="text")
neg("short-stripe", "wrong-shape", lambda rng: f"Only the start sk_live_{rs(rng, ALNUM, 4)} shows in the dashboard list.", lang="text")
neg("short-slack", "wrong-shape", lambda rng: f"Bot tokens begin with xoxb-{rs(rng, DIG, 5)} for this workspace.", lang="text")
neg("short-gitlab", "wrong-shape", lambda rng: f"The audit log lists glpat-{rs(rng, ALNUM, 6)} as revoked.", lang="text")
neg("short-openai", "wrong-shape", lambda rng: f"The billing page shows the key as sk-proj-{rs(rng, ALNUM, 4)} only.", lang="text")
neg("lowercase-aws-key-id", "wrong-shape", lambda rng: f"bucket_prefix: akia{rs(rng, LO + '234567', 16)}", lang="yaml")
neg("non-hex-digitalocean", "wrong-shape", lambda rng: f"cache_path: /var/cache/dop_v1_{rs(rng, 'ghijklmnopqrstuvwxyz', 64)}", lang="yaml")
neg("prefix-in-identifier", "wrong-shape", "def ghp_token_is_valid(token: str) -> bool:", lang="python")
neg("prefix-in-css-class", "wrong-shape", "<div class=\"sk_live_banner sk_test_banner\">", lang="html")
neg("prefix-in-word-hf", "wrong-shape", "the hf_hub_download helper caches files under ~/.cache/huggingface", lang="text")
neg("prefix-in-path-npm", "wrong-shape", "rm -rf node_modules/.cache/npm_tmp_build")
neg("akia-in-word", "wrong-shape", "the AKIANOTAKEY string in the fixture is not a key", lang="text")
# identifiers and hashes that are not secrets
neg("git-sha-commit", "identifier", lambda rng: f"Fixed in commit {rs(rng, HEX, 40)} on main.", lang="text")
neg("git-sha-checkout", "identifier", lambda rng: f"git checkout {rs(rng, HEX, 40)}")
neg("git-sha-short", "identifier", lambda rng: f"git revert {rs(rng, HEX, 7)}")
neg("github-compare-url", "identifier", lambda rng: f"https://github.com/acme/api/compare/{rs(rng, HEX, 12)}...{rs(rng, HEX, 12)}", lang="text")
neg("uuid-request-id", "identifier", lambda rng: f"X-Request-Id: {ruuid(rng)}", lang="http")
neg("uuid-azure-tenant", "identifier", lambda rng: f"AZURE_TENANT_ID={ruuid(rng)}")
neg("uuid-azure-subscription", "identifier", lambda rng: f"az account set --subscription {ruuid(rng)}")
neg("uuid-terraform-lineage", "identifier", lambda rng: f"\"lineage\": \"{ruuid(rng)}\",", lang="json")
neg("ulid-order-id", "identifier", lambda rng: f"order_id: 01{rs(rng, '0123456789ABCDEFGHJKMNPQRSTVWXYZ', 24)}", lang="yaml")
neg("sha256-checksum", "identifier", lambda rng: f"{rs(rng, HEX, 64)}  acme-cli-2.4.1-linux-amd64.tar.gz", lang="text")
neg("docker-image-digest", "identifier", lambda rng: f"image: registry.acme.io/api@sha256:{rs(rng, HEX, 64)}", lang="yaml")
neg("npm-integrity", "identifier", lambda rng: f"\"integrity\": \"sha512-{b64(rbytes(rng, 64))}\"", lang="json")
neg("sri-integrity-attribute", "identifier",
    lambda rng: f"<script src=\"https://cdn.acme.io/app.js\" integrity=\"sha384-{b64(rbytes(rng, 48))}\" crossorigin=\"anonymous\"></script>", lang="html")
neg("go-sum-hash", "identifier", lambda rng: f"github.com/acme/retry v1.4.2 h1:{b64(rbytes(rng, 32))}", lang="text")
neg("aws-arn", "identifier", lambda rng: f"role_arn = arn:aws:iam::{rs(rng, DIG, 12)}:role/DeployRole", lang="ini")
neg("aws-account-id", "identifier", lambda rng: f"AWS_ACCOUNT_ID={rs(rng, DIG, 12)}")
neg("google-oauth-client-id", "identifier",
    lambda rng: f"GOOGLE_CLIENT_ID={rs(rng, DIG, 12)}-{rs(rng, LO + DIG, 32)}.apps.googleusercontent.com")
neg("stripe-publishable-key", "public-material", lambda rng: f"STRIPE_PUBLISHABLE_KEY=pk_live_51{rs(rng, ALNUM, 97)}")
neg("mapbox-public-token", "public-material",
    lambda rng: "MAPBOX_PUBLIC_TOKEN=pk." + b64(json.dumps({"u": "acme-maps", "a": rs(rng, LO + DIG, 25)}, separators=(",", ":")).encode(), url=True, pad=False) + "." + rs(rng, B64URL, 22))
neg("google-docs-url", "identifier", lambda rng: f"https://docs.google.com/document/d/1{rs(rng, B64URL, 43)}/edit", lang="text")
neg("youtube-url", "identifier", lambda rng: f"https://www.youtube.com/watch?v={rs(rng, B64URL, 11)}", lang="text")
neg("ethereum-address", "public-material", lambda rng: f"send the refund to 0x{rs(rng, HEX, 40)}", lang="text")
neg("slack-channel-id", "identifier", lambda rng: f"SLACK_CHANNEL_ID=C{rs(rng, UP + DIG, 10)}")
neg("css-hex-colors", "identifier", "--brand: #1f6feb; --accent: #d2a8ff; --muted: #8b949e;", lang="css")
neg("semver-build", "identifier", "acme-cli 2.4.1-rc.3+build.20260302.7f3c2a1", lang="text")
neg("dotnet-public-key-token", "identifier",
    "System.Web.Mvc, Version=5.2.9.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35", lang="xml")
neg("dotnet-public-key-token-framework", "identifier",
    "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089", lang="xml")
neg("dotnet-type-name", "identifier", "System.Security.Cryptography.RSACryptoServiceProvider.ExportParameters(includePrivateParameters: true)", lang="csharp")
neg("dotnet-jwt-bearer-defaults", "identifier", "services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();", lang="csharp")
neg("java-password-encoder", "identifier", "org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder", lang="java")
neg("powershell-get-secret", "identifier", "Get-AzKeyVaultSecret -VaultName acme-prod -Name DbPassword -AsPlainText", lang="powershell")
neg("powershell-secret-management", "identifier", "Set-Secret -Name GitHubToken -Vault LocalStore", lang="powershell")
neg("file-path-private-key", "reference", "ssh -i ~/.ssh/id_ed25519 ops@bastion.acme.io")
neg("file-path-server-key", "reference", "ssl_certificate_key /etc/ssl/private/acme.io.key;", lang="nginx")
neg("file-path-aws-credentials", "reference", "C:\\Users\\ops\\.aws\\credentials", lang="text")
neg("password-file-flag", "reference", "--password-file=/run/secrets/db_password", lang="text")
neg("password-stdin", "reference", "echo \"$CR_PAT\" | docker login ghcr.io -u acme-bot --password-stdin")
neg("vault-path", "reference", "vault kv get -field=password secret/prod/billing/db")
neg("sops-encrypted-value", "encrypted",
    lambda rng: f"password: ENC[AES256_GCM,data:{b64(rbytes(rng, 18))},iv:{b64(rbytes(rng, 32))},tag:{b64(rbytes(rng, 16))},type:str]", lang="yaml")
neg("ansible-vault-header", "encrypted", "$ANSIBLE_VAULT;1.1;AES256", lang="text")
neg("pem-header-mention", "reference", "The file must start with -----BEGIN OPENSSH PRIVATE KEY----- or the agent rejects it.", lang="text")
neg("ssh-public-key", "public-material",
    lambda rng: "ssh-ed25519 " + b64(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rbytes(rng, 32)) + " ops@build-07", lang="text")
neg("ssh-rsa-public-key", "public-material",
    lambda rng: "ssh-rsa " + b64(b"\x00\x00\x00\x07ssh-rsa\x00\x00\x00\x03\x01\x00\x01\x00\x00\x01\x01\x00" + rbytes(rng, 256)) + " deploy@ci", lang="text")
neg("base64-plain-text", "encoded-text", "echo 'VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZw==' | base64 -d")
neg("base64-image", "encoded-text", lambda rng: "background: url(data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQ" + b64(rbytes(rng, 48)) + ");", lang="css")
neg("password-policy", "reference", "password_min_length: 14", lang="yaml")
neg("password-reset-url", "reference", "password_reset_url: https://id.acme.io/reset", lang="yaml")
neg("token-ttl", "reference", "auth_token_ttl_seconds: 86400", lang="yaml")
neg("secret-boolean", "reference", "\"secret\": false,", lang="json")
neg("token-type-bearer", "reference", "\"token_type\": \"Bearer\",", lang="json")
neg("api-key-header-name", "reference", "api_key_header: X-Api-Key", lang="yaml")
neg("password-field-label", "reference", "<input type=\"password\" name=\"password\" autocomplete=\"current-password\">", lang="html")
neg("secret-name-reference", "reference", "secret_name: prod/billing/db-password", lang="yaml")
neg("url-username-only", "reference", "git clone https://deploy@git.acme.io/ops/infra.git")
neg("url-no-credentials", "reference", "DATABASE_URL=postgres://db.internal.acme.io:5432/billing")
neg("ssh-git-url", "reference", "git@github.com:acme/infra.git", lang="text")
neg("email-address", "identifier", "ops-oncall@acme-logistics.io", lang="text")


# multi-line negatives
def neg_multi(name, group, lines_fn, lang="text"):
    @N(name, group, lang=lang, multi=True)
    def _(rng):
        lines = lines_fn(rng)
        return lines, 0, len(lines) - 1, ""


neg_multi("pem-public-key", "public-material", lambda rng: pem_lines("PUBLIC KEY", bytes.fromhex("30820122300d06092a864886f70d01010105000382010f00") + rbytes(rng, 270)))
neg_multi("pem-certificate", "public-material", lambda rng: pem_lines("CERTIFICATE", bytes.fromhex("308203") + rbytes(rng, 800)))
neg_multi("pgp-public-key-block", "public-material",
          lambda rng: (["-----BEGIN PGP PUBLIC KEY BLOCK-----", ""] + [b64(rbytes(rng, 48)) for _ in range(8)]
                       + ["=" + b64(rbytes(rng, 3)), "-----END PGP PUBLIC KEY BLOCK-----"]))
neg_multi("kubernetes-configmap", "reference",
          lambda rng: ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: billing-config", "data:",
                       "  LOG_LEVEL: info", "  DB_HOST: db.internal.acme.io", "  DB_PASSWORD_FILE: /run/secrets/db"], lang="yaml")
neg_multi("kubernetes-secret-template", "placeholder",
          lambda rng: ["apiVersion: v1", "kind: Secret", "metadata:", "  name: billing-db", "type: Opaque", "stringData:",
                       "  password: ${DB_PASSWORD}"], lang="yaml")

# ---------------------------------------------------------------------------------------------
PLACEMENTS = ("code-span", "fence", "plain", "html-comment")
FRAMES = ("For the staging deploy use {} as shown.", "The old runbook had {} in it.",
          "Ops added {} to the shared config last week.", "We tried {} during the migration.",
          "The nightly job reads {} at start-up.")
HEADER = 9  # lines before the placement: front matter (3), H1, blank, H2, blank, Status, blank


def document(n, body_lines):
    return "\n".join(["---", f"title: Recall case {n:04d}", "---", f"# Recall case {n:04d}", "",
                      "## CTO-WORK-001 - Case", "", "Status: active", ""] + body_lines) + "\n"


def place(c, got, placement, rng):
    """Returns (body lines, first, last, secret): first/last are 1-based document lines."""
    if c["multi"]:
        lines, a, b, secret = got
        if placement == "fence":
            body = [f"```{c['lang']}"] + lines + ["```"]
        else:
            body = ["<!--"] + lines + ["-->"]
        return body, HEADER + 2 + a, HEADER + 2 + b, secret
    before, secret, after = got
    line = before + secret + after
    frame = rng.choice(FRAMES)
    if placement == "code-span":
        text = (f"{before}`{secret}`{after}." if c["mode"] == "value" else frame.format(f"`{line}`"))
        body, at = [text], 0
    elif placement == "plain":
        body, at = [line + "." if c["mode"] == "value" else frame.format(line)], 0
    elif placement == "fence":
        body, at = [f"```{c['lang']}", line, "```"], 1
    else:
        body, at = [f"<!-- {line} -->"], 0
    return body, HEADER + 1 + at, HEADER + 1 + at, secret


def build(out, seed, manifest_path):
    rng = random.Random(seed)
    files, n = [], 0
    for kind, cases in (("positive", POS), ("negative", NEG)):
        for c in cases:
            n += 1
            cid = f"c{n:04d}"
            got = c["gen"](rng)
            for placement in PLACEMENTS:
                if c["multi"] and placement in ("code-span", "plain"):
                    continue
                body, first, last, secret = place(c, got, placement, rng)
                rel = f"{placement}/{cid}.md"
                path = os.path.join(out, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                text = document(n, body)
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
                doc = text.split("\n")
                if kind == "positive" and not c["multi"]:
                    assert secret and secret in doc[first - 1], (c["format"], placement)
                files.append({"path": rel, "case": cid, "kind": kind, "format": c["format"], "group": c["group"],
                              "placement": placement, "line": first, "lines": [first, last], "secret": secret})
    names = [c["format"] for c in POS + NEG]
    assert len(names) == len(set(names)), "duplicate format names"
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump({"seed": seed, "placements": list(PLACEMENTS), "files": files}, f, indent=1)
        f.write("\n")
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="folder to write the documents to (created; must be empty or absent)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--manifest", help="manifest path (default: next to --out, DIR.manifest.json)")
    ap.add_argument("--list", action="store_true", help="print the case formats and exit")
    args = ap.parse_args()
    if args.list:
        for c in POS + NEG:
            print(f"{c['kind']}\t{c['group']}\t{c['format']}")
        print(f"{len(POS)} positive, {len(NEG)} negative formats", file=sys.stderr)
        return 0
    if not args.out:
        ap.error("--out is required")
    out = args.out.rstrip("/")
    if os.path.exists(out) and os.listdir(out):
        ap.error(f"{out} exists and is not empty")
    os.makedirs(out, exist_ok=True)
    manifest = args.manifest or out + ".manifest.json"
    files = build(out, args.seed, manifest)
    pos = sum(1 for f in files if f["kind"] == "positive")
    print(f"{len(POS)} positive and {len(NEG)} negative formats; {pos} positive and {len(files) - pos} negative files "
          f"in {out}; manifest {manifest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
