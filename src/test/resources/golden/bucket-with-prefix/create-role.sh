# Rolegate connection c0a8012e-prefix: Monthly reports
# Run with credentials of AWS account 111122223333.

cat > trust-policy.json <<'EOF'
{
  "Version" : "2012-10-17",
  "Statement" : {
    "Sid" : "RolegateAssumeRoleWithExternalId",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::999988887777:root"
    },
    "Action" : "sts:AssumeRole",
    "Condition" : {
      "StringEquals" : {
        "sts:ExternalId" : "rg-prefixcase2222222222222222222222"
      }
    }
  }
}
EOF

cat > permission-policy.json <<'EOF'
{
  "Version" : "2012-10-17",
  "Statement" : [ {
    "Sid" : "ListPrefix1",
    "Effect" : "Allow",
    "Action" : [ "s3:ListBucket", "s3:ListBucketVersions" ],
    "Resource" : "arn:aws:s3:::acme-data",
    "Condition" : {
      "StringLike" : {
        "s3:prefix" : "reports/2024/*"
      }
    }
  }, {
    "Sid" : "ReadObjects",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject", "s3:GetObjectVersion" ],
    "Resource" : "arn:aws:s3:::acme-data/reports/2024/*"
  }, {
    "Sid" : "LocateBuckets",
    "Effect" : "Allow",
    "Action" : "s3:GetBucketLocation",
    "Resource" : "arn:aws:s3:::acme-data"
  } ]
}
EOF

aws iam create-role --region eu-west-1 --role-name rolegate-c0a8012e-prefix \
  --assume-role-policy-document file://trust-policy.json \
  --max-session-duration 3600 \
  --description "Read access for Rolegate connection c0a8012e-prefix"

aws iam put-role-policy --region eu-west-1 --role-name rolegate-c0a8012e-prefix \
  --policy-name rolegate-read \
  --policy-document file://permission-policy.json

aws iam get-role --region eu-west-1 --role-name rolegate-c0a8012e-prefix --query Role.Arn --output text
