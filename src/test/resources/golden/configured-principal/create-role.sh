# Rolegate connection c0a8012e-principal: Data "lake" <prod> — 東京
# Run with credentials of AWS account 111122223333.

cat > trust-policy.json <<'EOF'
{
  "Version" : "2012-10-17",
  "Statement" : {
    "Sid" : "RolegateAssumeRoleWithExternalId",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::999988887777:role/rolegate/RolegateChecker"
    },
    "Action" : "sts:AssumeRole",
    "Condition" : {
      "StringEquals" : {
        "sts:ExternalId" : "rg-principalcase5555555555555555555"
      }
    }
  }
}
EOF

cat > permission-policy.json <<'EOF'
{
  "Version" : "2012-10-17",
  "Statement" : [ {
    "Sid" : "ListBuckets",
    "Effect" : "Allow",
    "Action" : [ "s3:ListBucket", "s3:ListBucketVersions" ],
    "Resource" : "arn:aws:s3:::acme-tokyo"
  }, {
    "Sid" : "ReadObjects",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject", "s3:GetObjectVersion" ],
    "Resource" : "arn:aws:s3:::acme-tokyo/*"
  }, {
    "Sid" : "LocateBuckets",
    "Effect" : "Allow",
    "Action" : "s3:GetBucketLocation",
    "Resource" : "arn:aws:s3:::acme-tokyo"
  } ]
}
EOF

aws iam create-role --region ap-northeast-1 --role-name rolegate-c0a8012e-principal \
  --assume-role-policy-document file://trust-policy.json \
  --max-session-duration 3600 \
  --description "Read access for Rolegate connection c0a8012e-principal"

aws iam put-role-policy --region ap-northeast-1 --role-name rolegate-c0a8012e-principal \
  --policy-name rolegate-read \
  --policy-document file://permission-policy.json

aws iam get-role --region ap-northeast-1 --role-name rolegate-c0a8012e-principal --query Role.Arn --output text
