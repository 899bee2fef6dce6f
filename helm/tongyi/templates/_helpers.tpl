{{/*
Names and labels.
*/}}

{{/* Chart name, overridable with nameOverride. */}}
{{- define "tongyi.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name used as the prefix of every resource. Truncated to 63 characters (DNS label);
the release name alone when it already contains the chart name.
*/}}
{{- define "tongyi.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart name and version, for the helm.sh/chart label. */}}
{{- define "tongyi.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every resource (each template adds its app.kubernetes.io/component). */}}
{{- define "tongyi.labels" -}}
helm.sh/chart: {{ include "tongyi.chart" . }}
{{ include "tongyi.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: tongyi
{{- end }}

{{/* Labels naming the release's pods. */}}
{{- define "tongyi.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tongyi.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Selector of the platform pods (Deployment, Service, PDB, HPA target, NetworkPolicy). The component
keeps the migration Job's and the test's pods out of the Service.
*/}}
{{- define "tongyi.platform.selectorLabels" -}}
{{ include "tongyi.selectorLabels" . }}
app.kubernetes.io/component: platform
{{- end }}

{{/* ServiceAccount of the platform pods. */}}
{{- define "tongyi.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "tongyi.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
ServiceAccount of the migration Job. On install the hook runs before the chart's ordinary resources
exist, so it cannot use the platform pods' account: when the chart creates accounts, the Job gets one
of its own, a hook created just before it (migration-serviceaccount.yaml); otherwise it uses the
configured existing account. The Job needs no API access (no token is mounted).
*/}}
{{- define "tongyi.migration.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- printf "%s-migrate" (include "tongyi.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Images.
*/}}

{{- define "tongyi.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{- define "tongyi.pluginImage" -}}
{{- printf "%s:%s" .Values.plugins.image.repository (default .Chart.AppVersion .Values.plugins.image.tag) }}
{{- end }}

{{/*
Database.
*/}}

{{/* Non-empty when the JDBC URL is read from the existing Secret. */}}
{{- define "tongyi.database.urlFromSecret" -}}
{{- if and .Values.database.existingSecret .Values.database.existingSecretKeys.url }}true{{ end }}
{{- end }}

{{/* JDBC URL built from host, port, name and parameters. */}}
{{- define "tongyi.database.jdbcUrl" -}}
{{- $db := .Values.database }}
{{- printf "jdbc:postgresql://%s:%d/%s" $db.host (int $db.port) $db.name }}
{{- with $db.parameters }}{{ printf "?%s" (trimPrefix "?" .) }}{{ end }}
{{- end }}

{{/* Secret holding the database credentials, as used by the platform pods. */}}
{{- define "tongyi.database.secretName" -}}
{{- default (printf "%s-database" (include "tongyi.fullname" .)) .Values.database.existingSecret }}
{{- end }}

{{/*
Secret holding the database credentials, as used by the migration Job: the existing Secret, or the
hook copy of the chart's Secret (see migration-secret.yaml for why a copy).
*/}}
{{- define "tongyi.migration.databaseSecretName" -}}
{{- default (printf "%s-database-migration" (include "tongyi.fullname" .)) .Values.database.existingSecret }}
{{- end }}

{{- define "tongyi.database.usernameKey" -}}
{{- if .Values.database.existingSecret }}{{ .Values.database.existingSecretKeys.username }}{{ else }}username{{ end }}
{{- end }}

{{- define "tongyi.database.passwordKey" -}}
{{- if .Values.database.existingSecret }}{{ .Values.database.existingSecretKeys.password }}{{ else }}password{{ end }}
{{- end }}

{{/* data of the Secret the chart creates when database.existingSecret is empty. */}}
{{- define "tongyi.database.secretData" -}}
username: {{ .Values.database.username | b64enc | quote }}
password: {{ .Values.database.password | b64enc | quote }}
{{- end }}

{{/*
Non-secret settings, as environment variables: the ConfigMap's data for the platform pods, literal
env entries for the migration Job. Mount paths are fixed by the volumes below.
*/}}
{{- define "tongyi.config" -}}
{{- if not (include "tongyi.database.urlFromSecret" .) }}
TONGYI_DB_URL: {{ include "tongyi.database.jdbcUrl" . | quote }}
{{- end }}
TONGYI_DB_POOL_MAX: {{ .Values.database.poolMaxSize | quote }}
TONGYI_BEHIND_PROXY: {{ .Values.clientAddress.behindProxy | quote }}
TONGYI_TRUSTED_PROXIES: {{ join "," .Values.clientAddress.trustedProxies | quote }}
TONGYI_JWT_ISSUER: {{ .Values.jwt.issuer | quote }}
TONGYI_JWT_LIFETIME: {{ .Values.jwt.lifetimeSeconds | quote }}
TONGYI_JWT_PRIVATE_KEY_FILE: "/etc/tongyi/jwt/private.pem"
TONGYI_JWT_PUBLIC_KEY_FILE: "/etc/tongyi/jwt/public.pem"
TONGYI_PII_KEYSET_FILE: "/etc/tongyi/pii/keyset.json"
TONGYI_PII_HASH_KEY_FILE: "/etc/tongyi/pii/hash.key"
TONGYI_DATA_DIR: "/var/lib/tongyi"
TONGYI_PLUGINS_DIR: "/opt/tongyi/plugins"
TONGYI_PLUGINS_ENABLED: {{ join "," .Values.plugins.enabled | quote }}
JAVA_MAX_MEM_RATIO: {{ .Values.jvm.maxMemRatio | quote }}
JAVA_OPTS_APPEND: {{ trim (printf "-Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager %s" .Values.jvm.extraOpts) | quote }}
{{- end }}

{{/*
Secret-backed environment variables, shared by the platform pods and the migration Job.
Takes a dict: root (the chart context), databaseSecret (the Secret with the DB credentials) and,
optionally, urlKey (the key of the JDBC URL in an existing Secret, when not existingSecretKeys.url).
*/}}
{{- define "tongyi.secretEnv" -}}
{{- $root := .root }}
{{- $values := .root.Values }}
{{- if include "tongyi.database.urlFromSecret" $root }}
- name: TONGYI_DB_URL
  valueFrom:
    secretKeyRef:
      name: {{ .databaseSecret }}
      key: {{ .urlKey | default $values.database.existingSecretKeys.url }}
{{- end }}
- name: TONGYI_DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ .databaseSecret }}
      key: {{ include "tongyi.database.usernameKey" $root }}
- name: TONGYI_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .databaseSecret }}
      key: {{ include "tongyi.database.passwordKey" $root }}
- name: TONGYI_ADMIN_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $values.admin.existingSecret }}
      key: {{ $values.admin.existingSecretKey }}
{{- end }}

{{/*
Volumes shared by the platform pods and the migration Job: writable scratch space (the root
filesystem is read-only), the JWT key pair, the PII keyset and, when the jars come from a plugin image or a
volume claim, the plugins folder (otherwise the plugins built into the application image are used).
*/}}
{{- define "tongyi.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
- name: data
  emptyDir:
    sizeLimit: {{ .Values.dataSizeLimit }}
- name: jwt-keys
  secret:
    secretName: {{ .Values.jwt.existingSecret }}
    defaultMode: 0440
    items:
      - key: {{ .Values.jwt.privateKeyKey }}
        path: private.pem
      - key: {{ .Values.jwt.publicKeyKey }}
        path: public.pem
- name: pii-keys
  secret:
    secretName: {{ .Values.pii.existingSecret }}
    defaultMode: 0440
    items:
      - key: {{ .Values.pii.keysetKey }}
        path: keyset.json
      - key: {{ .Values.pii.hashKeyKey }}
        path: hash.key
{{- if .Values.plugins.existingVolumeClaim }}
- name: plugins
  persistentVolumeClaim:
    claimName: {{ .Values.plugins.existingVolumeClaim }}
    readOnly: true
{{- else if .Values.plugins.image.repository }}
- name: plugins
  emptyDir: {}
{{- end }}
{{- end }}

{{- define "tongyi.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: data
  mountPath: /var/lib/tongyi
- name: jwt-keys
  mountPath: /etc/tongyi/jwt
  readOnly: true
- name: pii-keys
  mountPath: /etc/tongyi/pii
  readOnly: true
{{- if or .Values.plugins.existingVolumeClaim .Values.plugins.image.repository }}
- name: plugins
  mountPath: /opt/tongyi/plugins
  readOnly: true
{{- end }}
{{- end }}

{{/* Init container copying the plugin jars from plugins.image into the plugins folder. */}}
{{- define "tongyi.initContainers" -}}
{{- if .Values.plugins.image.repository }}
- name: copy-plugins
  image: {{ include "tongyi.pluginImage" . }}
  imagePullPolicy: {{ .Values.plugins.image.pullPolicy }}
  command:
    - sh
    - -c
    - cp -v "${PLUGINS_SOURCE}"/*.jar "${PLUGINS_TARGET}"/
  env:
    - name: PLUGINS_SOURCE
      value: {{ .Values.plugins.image.path | quote }}
    - name: PLUGINS_TARGET
      value: /opt/tongyi/plugins
  securityContext:
    {{- toYaml .Values.securityContext | nindent 4 }}
  resources:
    {{- toYaml .Values.plugins.copyResources | nindent 4 }}
  volumeMounts:
    - name: plugins
      mountPath: /opt/tongyi/plugins
{{- end }}
{{- end }}

{{/* Scheduling settings shared by the platform pods and the migration Job. */}}
{{- define "tongyi.scheduling" -}}
{{- with .Values.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
Checks that values.schema.json cannot express. Rendered (as nothing) by the Deployment.
*/}}
{{- define "tongyi.validate" -}}
{{- $v := .Values }}
{{- if and $v.plugins.image.repository $v.plugins.existingVolumeClaim }}
{{- fail "plugins: set either plugins.image.repository or plugins.existingVolumeClaim, not both" }}
{{- end }}
{{- if and $v.autoscaling.enabled (gt (int $v.autoscaling.minReplicas) (int $v.autoscaling.maxReplicas)) }}
{{- fail "autoscaling.minReplicas must not exceed autoscaling.maxReplicas" }}
{{- end }}
{{- if and $v.networkPolicy.enabled (not (or $v.networkPolicy.ingressController.namespaceSelector $v.networkPolicy.ingressController.podSelector)) }}
{{- fail "networkPolicy.ingressController needs a namespaceSelector or a podSelector (both empty would match no ingress controller)" }}
{{- end }}
{{- if gt (int $v.database.maxConnections) 0 }}
{{- $pods := ternary (int $v.autoscaling.maxReplicas) (int $v.replicaCount) $v.autoscaling.enabled }}
{{- $pool := int $v.database.poolMaxSize }}
{{- $rollout := mul (add $pods (int $v.rollingUpdate.maxSurge)) $pool }}
{{- $migration := add (mul $pods $pool) (int $v.migration.poolMaxSize) }}
{{- $peak := add (max $rollout $migration) (int $v.database.reservedConnections) }}
{{- if gt $peak (int $v.database.maxConnections) }}
{{- fail (printf "database connection budget exceeded: the peak is %d connections (the larger of (%d pods + %d surge) x %d pool during a rollout and %d pods x %d pool + %d for the migration Job, plus %d reserved), but database.maxConnections is %d. Lower database.poolMaxSize or the pod count, raise max_connections, or put PgBouncer in front (docs/operations.md)" $peak $pods (int $v.rollingUpdate.maxSurge) $pool $pods $pool (int $v.migration.poolMaxSize) (int $v.database.reservedConnections) (int $v.database.maxConnections)) }}
{{- end }}
{{- end }}
{{- end }}
