// Azure resources for Gesprekscyclus: one App Service (Node 22 LTS) that serves the bot, the API, the Teams tab
// and the Outlook task pane; Azure Database for PostgreSQL flexible server; Key Vault for every secret; a
// user-assigned managed identity that reads those secrets and is the bot's identity (no bot secret); and the Azure
// Bot registration for Teams. Deployed by `arm/deploy` in teamsapp.yml; outputs are written to env/.env.<env>.
// The app settings below are exactly names of the server's configuration schema (src/server/config.ts);
// tests/manifest/app-settings.test.ts holds them to it.

@minLength(4)
@maxLength(20)
@description('Base for the names of all resources; must make the web app and database names globally unique.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU (B1 is enough for one organisation; P0v3 for production load).')
param webAppSku string = 'B1'

@maxLength(42)
param botDisplayName string

@description('Client id of the Entra app for sign-in and Microsoft Graph (aadApp/create).')
param aadAppClientId string

@description('Tenant of the organisation.')
param aadAppTenantId string = tenant().tenantId

@secure()
@description('Secret of that Entra app: app-only Graph calls and the on-behalf-of exchange.')
param aadAppClientSecret string

param postgresAdminLogin string = 'gesprekadmin'

@secure()
@minLength(16)
param postgresAdminPassword string

@description('PostgreSQL major version; the migrations stay within what PostgreSQL 15 accepts.')
param postgresVersion string = '16'

param teamsAppId string
param organisationName string

@description('The SharePoint site that holds both libraries, e.g. https://contoso.sharepoint.com/sites/Personeelsdossiers.')
param sharePointSiteUrl string

@description('The personnel library in that site (resolved to its drive id at start).')
param sharePointLibraryName string = 'Personeelsdossiers'

@description('The confidential library for Vitaliteitsgesprekken in the same site, with unique permissions.')
param sharePointConfidentialLibraryName string = 'Vitaliteitsgesprekken'

@description('Object id of the Entra group whose members are HR.')
param hrGroupId string

var databaseName = 'gesprekscyclus'
var keyVaultName = 'kv${uniqueString(resourceGroup().id, resourceBaseName)}'
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${resourceBaseName}-pg'
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: 35, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    authConfig: { passwordAuth: 'Enabled', activeDirectoryAuth: 'Disabled' }
    network: { publicNetworkAccess: 'Enabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// 0.0.0.0 is Azure's convention for "connections from Azure services", here the App Service.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource entraSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'entra-client-secret'
  properties: { value: aadAppClientSecret }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

var hostName = '${resourceBaseName}.azurewebsites.net'

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node --import tsx src/server/main.ts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/api/health'
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'NODE_ENV', value: 'production' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'PUBLIC_URL', value: 'https://${hostName}' }
        // The package is read-only when run from a zip; /home is the App Service's persistent storage.
        { name: 'DATA_DIR', value: '/home/data' }
        { name: 'AUTH_MODE', value: 'entra' }
        { name: 'MICROSOFT_365', value: 'graph' }
        { name: 'ENTRA_TENANT_ID', value: aadAppTenantId }
        { name: 'ENTRA_CLIENT_ID', value: aadAppClientId }
        { name: 'ENTRA_API_AUDIENCE', value: 'api://${hostName}/${aadAppClientId}' }
        { name: 'DATABASE_URL', value: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecret.properties.secretUri})' }
        // Microsoft Graph as the Entra app (its application permissions), and as the user on behalf of the tab.
        { name: 'GRAPH_CLIENT_SECRET', value: '@Microsoft.KeyVault(SecretUri=${entraSecret.properties.secretUri})' }
        { name: 'SHAREPOINT_SITE_URL', value: sharePointSiteUrl }
        { name: 'SHAREPOINT_LIBRARY_NAME', value: sharePointLibraryName }
        { name: 'SHAREPOINT_CONFIDENTIAL_LIBRARY_NAME', value: sharePointConfidentialLibraryName }
        { name: 'HR_GROUP_ID', value: hrGroupId }
        // The bot signs in as the user-assigned managed identity: BOT_ID is its client id, and there is no secret.
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TENANT_ID', value: identity.properties.tenantId }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'ORGANISATION_NAME', value: organisationName }
      ]
    }
  }
  dependsOn: [secretsUser, database, allowAzure]
}

// The bot registration: Teams sends activities to the App Service's /api/messages. Its identity is the
// user-assigned managed identity (as in the Agents Toolkit templates): no app registration, no secret to rotate.
resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${hostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

// Lets the bot answer in Outlook and the Microsoft 365 app as well as in Teams.
resource m365Channel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'M365Extensions'
  location: 'global'
  properties: { channelName: 'M365Extensions' }
}

output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
// The bot's id in the Teams manifest (bots[0].botId) is the managed identity's client id.
output BOT_ID string = identity.properties.clientId
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.name
output AZURE_POSTGRES_HOST string = postgres.properties.fullyQualifiedDomainName
